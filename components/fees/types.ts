// What the fee components show (plain props; lib/data/fees.ts returns this shape).
export interface FeeProps {
  id: number;
  kind: 'late' | 'reservation' | 'lost' | 'damaged' | 'contribution';
  description: string;
  createdOn: string;
  amountCents: number;
}

export interface LibraryFeesProps {
  libraryId: number;
  libraryName: string;
  fees: FeeProps[];
  totalCents: number;
}
