'use client';
// Change the pick-up branch of a waiting reservation, among the branches R3 allows (given by the server).
// A real form (reservationId, branchId): it posts before (or without) JavaScript; once hydrated, onSubmit runs the mutation.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { changePickupBranch, changePickupBranchForm } from '@/lib/actions/reservations';
import { ActionMessage, useCardFormAction } from '@/components/cards/use-card-action';
import { useHydrated } from '@/components/forms/use-hydrated';
import type { BranchOptionProps } from './types';

export function ChangePickup({ reservationId, title, current, options }: { reservationId: number; title: string; current: number; options: BranchOptionProps[] }) {
  const t = useTranslations('CardActions');
  const selectId = useId();
  const [branchId, setBranchId] = useState(current);
  const ready = useHydrated();
  const { run, pending, message, formAction } = useCardFormAction(changePickupBranch, changePickupBranchForm, () => t('pickupChanged'));
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run({ reservationId, branchId });
      }}
    >
      <input type="hidden" name="reservationId" value={reservationId} />
      <div className="flex flex-col">
        <label htmlFor={selectId} className="text-sm font-semibold">
          {t('pickupLabel', { title })}
        </label>
        <select
          id={selectId}
          name="branchId"
          value={branchId}
          onChange={(event) => setBranchId(Number(event.target.value))}
          className="min-h-11 rounded-md border border-line bg-surface px-2"
        >
          {options.map((b) => (
            <option key={b.id} value={b.id}>
              {b.code} {b.name} ({b.libraryName})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary" disabled={pending || (ready && branchId === current)} aria-label={t('pickupChangeLabel', { title })}>
        {pending ? t('working') : t('pickupChange')}
      </button>
      <ActionMessage message={message} />
    </form>
  );
}
