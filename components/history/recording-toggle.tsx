'use client';
// H1: switch recording of the lending history on or off (off by default; the page explains why).
// A real form (card, enabled): it posts before (or without) JavaScript; once hydrated, onSubmit runs the mutation.
import { useTranslations } from 'next-intl';
import { setHistoryRecording, setHistoryRecordingForm } from '@/lib/actions/history';
import { ActionMessage, useCardFormAction } from '@/components/cards/use-card-action';

export function RecordingToggle({ card, recording }: { card: string; recording: boolean }) {
  const t = useTranslations('CardActions');
  const { run, pending, message, formAction } = useCardFormAction(setHistoryRecording, setHistoryRecordingForm, () => t('recordingSaved'));
  return (
    <form
      action={formAction}
      className="space-y-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) run({ card, enabled: !recording });
      }}
    >
      <input type="hidden" name="card" value={card} />
      <input type="hidden" name="enabled" value={String(!recording)} />
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        {pending ? t('working') : recording ? t('recordingTurnOff') : t('recordingTurnOn')}
      </button>
      <ActionMessage message={message} />
    </form>
  );
}
