// What the history components show (plain props; lib/data/history.ts returns this shape).
export interface HistoryEntryProps {
  id: number;
  title: string;
  author: string | null;
  libraryName: string;
  branchCode: string;
  branchName: string;
  lentOn: string;
  returnedOn: string;
}
