// The card actions' mutation runner: the action gets the input once, its answer comes back, and a
// failure is not retried (a cancellation must not be sent twice behind the patron's back).
import { describe, expect, it, vi } from 'vitest';
import { runMutation } from './lazy-mutation';

describe('runMutation', () => {
  it.each([
    { name: 'an answer', outcome: 'resolve' as const },
    { name: 'a failure', outcome: 'reject' as const },
  ])('calls the action once with the input and passes on $name', async ({ outcome }) => {
    const action = vi.fn(async (input: { reservationId: number }) => {
      if (outcome === 'reject') throw new Error('network');
      return { ok: true as const, data: input.reservationId };
    });
    const run = runMutation(action, { reservationId: 7 });
    if (outcome === 'resolve') await expect(run).resolves.toEqual({ ok: true, data: 7 });
    else await expect(run).rejects.toThrow('network');
    expect(action).toHaveBeenCalledTimes(1);
    expect(action.mock.calls[0]?.[0]).toEqual({ reservationId: 7 });
  });

  it('runs two clicks as two mutations on the same client', async () => {
    const action = vi.fn(async (n: number) => n * 2);
    expect(await Promise.all([runMutation(action, 1), runMutation(action, 2)])).toEqual([2, 4]);
    expect(action).toHaveBeenCalledTimes(2);
  });
});
