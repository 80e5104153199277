// What the reservation components show (plain props; lib/data/reservations.ts returns this shape).
export interface BranchOptionProps {
  id: number;
  code: string;
  name: string;
  libraryName: string;
}

export interface ReservationProps {
  id: number;
  title: string;
  author: string | null;
  placedOn: string;
  status: 'waiting' | 'in_transit' | 'ready';
  readyUntil: string | null;
  queuePosition: number;
  pickup: BranchOptionProps;
  pickupOptions: BranchOptionProps[];
  cancellable: boolean;
}
