// The public network of the home page: regions (R1–R3) with their libraries, the libraries outside
// any region, and the Dutch libraries for guest lending (R10). Plain props; headings, lists and a
// description list per library so screen readers can jump through it.
import { getTranslations } from 'next-intl/server';

export interface NamedCode {
  code: string;
  name: string;
}

export interface NetworkLibrary {
  isil: string;
  name: string;
  branches: NamedCode[];
  digitalCollections: NamedCode[];
}

export interface NetworkRegion {
  code: string;
  name: string;
  kind: '3a' | '3b' | '3c';
  transport: boolean;
  libraries: NetworkLibrary[];
}

export interface NetworkOverviewProps {
  regions: NetworkRegion[];
  outsideRegions: NetworkLibrary[];
  guestLending: NetworkLibrary[];
}

type HeadingLevel = 'h3' | 'h4';

/** An id fragment from a natural key (ISIL, region code): letters, digits, '-' and '_' only. */
const idFor = (prefix: string, key: string) => `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

async function LibraryCard({ library, heading: Heading }: { library: NetworkLibrary; heading: HeadingLevel }) {
  const t = await getTranslations('Home');
  return (
    <article className="rounded-lg border border-line bg-surface p-4" aria-labelledby={idFor('library', library.isil)}>
      <Heading id={idFor('library', library.isil)} className="text-lg font-semibold leading-snug text-ink">
        {library.name}
      </Heading>
      <dl className="mt-2 space-y-2 text-base">
        <div>
          <dt className="text-sm font-semibold text-muted">{t('isil')}</dt>
          <dd className="font-mono text-[0.95rem]">{library.isil}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-muted">{t('branches')}</dt>
          <dd>
            {library.branches.length > 0 ? (
              <ul className="flex flex-wrap gap-2 pt-1">
                {library.branches.map((branch) => (
                  <li key={branch.code} className="rounded-md bg-brand-soft px-2 py-0.5 text-brand-strong">
                    {t('branch', { code: branch.code, name: branch.name })}
                  </li>
                ))}
              </ul>
            ) : (
              t('noBranches')
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-muted">{t('digitalCollections')}</dt>
          <dd>
            {library.digitalCollections.length > 0 ? (
              <ul className="list-disc pl-5">
                {library.digitalCollections.map((collection) => (
                  <li key={collection.code}>{collection.name}</li>
                ))}
              </ul>
            ) : (
              t('noDigitalCollections')
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}

function LibraryGrid({ libraries, heading }: { libraries: NetworkLibrary[]; heading: HeadingLevel }) {
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2">
      {libraries.map((library) => (
        <li key={library.isil}>
          <LibraryCard library={library} heading={heading} />
        </li>
      ))}
    </ul>
  );
}

export async function NetworkOverview({ regions, outsideRegions, guestLending }: NetworkOverviewProps) {
  const t = await getTranslations('Home');
  const empty = regions.length === 0 && outsideRegions.length === 0 && guestLending.length === 0;
  if (empty) {
    return <p className="mt-4 rounded-lg border border-line bg-surface p-4">{t('networkEmpty')}</p>;
  }
  return (
    <div className="space-y-10">
      {regions.length > 0 ? (
        <section aria-labelledby="regions-title">
          <h2 id="regions-title" className="text-2xl font-bold text-ink">
            {t('regionsTitle')}
          </h2>
          <p className="mt-1 text-muted">{t('regionsIntro')}</p>
          <ul className="mt-4 space-y-6">
            {regions.map((region) => (
              <li key={region.code}>
                <section
                  aria-labelledby={idFor('region', region.code)}
                  className="rounded-xl border border-line bg-paper p-4 sm:p-5"
                >
                  <h3 id={idFor('region', region.code)} className="text-xl font-bold text-brand-strong">
                    {region.name}
                  </h3>
                  <p className="mt-2 flex flex-wrap items-baseline gap-x-2 gap-y-1">
                    <span
                      className={
                        region.transport
                          ? 'rounded-md bg-brand-soft px-2 py-0.5 text-sm font-semibold text-brand-strong'
                          : 'rounded-md bg-accent-soft px-2 py-0.5 text-sm font-semibold text-accent'
                      }
                    >
                      {t('regionKind', { kind: region.kind })}
                    </span>
                    <span>{region.transport ? t('transportYes') : t('transportNone')}</span>
                  </p>
                  <p className="mt-1 text-sm text-muted">{t('regionLibraries', { count: region.libraries.length })}</p>
                  <LibraryGrid libraries={region.libraries} heading="h4" />
                </section>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {outsideRegions.length > 0 ? (
        <section aria-labelledby="outside-title">
          <h2 id="outside-title" className="text-2xl font-bold text-ink">
            {t('outsideTitle')}
          </h2>
          <p className="mt-1 text-muted">{t('outsideIntro')}</p>
          <LibraryGrid libraries={outsideRegions} heading="h3" />
        </section>
      ) : null}

      {guestLending.length > 0 ? (
        <section aria-labelledby="guest-title">
          <h2 id="guest-title" className="text-2xl font-bold text-ink">
            {t('guestTitle')}
          </h2>
          <p className="mt-1 text-muted">{t('guestIntro')}</p>
          <LibraryGrid libraries={guestLending} heading="h3" />
        </section>
      ) : null}
    </div>
  );
}
