// H1 export of a card's lending history as CSV. A route handler is a public endpoint: it checks
// the session itself and reads through the account-scoped data layer (P3); another account's card
// is a 404 like a card that does not exist.
import { getTranslations } from 'next-intl/server';
import { getSignedInAccount } from '@/lib/auth/session';
import { historyCsv, historyFileName } from '@/lib/data/history-csv';
import { loadHistoryExport } from '@/lib/data/loaders';

export const dynamic = 'force-dynamic';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(request: Request, { params }: { params: Promise<{ card: string }> }): Promise<Response> {
  const account = await getSignedInAccount();
  if (!account) return plain(401, 'Not signed in');
  const { card } = await params;
  const search = new URL(request.url).searchParams.get('q');
  const { today, result } = await loadHistoryExport(account, card, search);
  if (!result) return plain(404, 'Not Found');
  const t = await getTranslations('History');
  const csv = historyCsv(result.entries, {
    title: t('colTitle'),
    author: t('csvAuthor'),
    library: t('colLibrary'),
    branch: t('csvBranch'),
    lentOn: t('colLent'),
    returnedOn: t('colReturned'),
  });
  const fileName = historyFileName(t('csvFilePrefix'), result.card.slug, today);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      // Personal data: never kept by a shared cache.
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
