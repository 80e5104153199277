// One card on the digital library card page: its barcode (or, when the number cannot be drawn, a
// note), and under it the number in text, the library and the kind of card; with several people
// on the account, whose card it is.
import { getTranslations } from 'next-intl/server';
import type { CardKind } from '@/lib/domain/card-number';
import { CardBarcode, cardBarcodeSvg } from './card-barcode';

export interface DigitalCardProps {
  value: string;
  libraryName: string;
  kind: CardKind;
  /** Set when the account links more than one person. */
  patronName: string | null;
}

export async function DigitalCard({ card, headingId }: { card: DigitalCardProps; headingId: string }) {
  const t = await getTranslations('LibraryCard');
  const kind = t(`kind.${card.kind}`);
  return (
    <article aria-labelledby={headingId} className="rounded-xl border border-line bg-surface p-4 sm:p-6">
      <h2 id={headingId} className="mb-4 text-xl font-bold">
        {card.libraryName}
      </h2>
      {cardBarcodeSvg(card.value) ? (
        <CardBarcode value={card.value} label={t('barcodeLabel', { library: card.libraryName, kind })} />
      ) : (
        <p className="rounded-md border-2 border-line p-3">{t('noBarcode')}</p>
      )}
      <div className="mt-4 space-y-1 text-center">
        <p className="font-mono text-2xl font-bold tracking-widest break-all">
          <span className="sr-only">{t('number')}: </span>
          {card.value}
        </p>
        <p>
          {card.libraryName} · {kind}
        </p>
        {card.patronName ? <p className="text-muted">{t('owner', { name: card.patronName })}</p> : null}
      </div>
    </article>
  );
}
