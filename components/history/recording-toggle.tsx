'use client';
// H1: switch recording of the lending history on or off (off by default; the page explains why).
import { useTranslations } from 'next-intl';
import { setHistoryRecording } from '@/lib/actions/history';
import { ActionMessage, useCardAction } from '@/components/cards/use-card-action';

export function RecordingToggle({ card, recording }: { card: string; recording: boolean }) {
  const t = useTranslations('CardActions');
  const { run, pending, message } = useCardAction(setHistoryRecording, () => t('recordingSaved'));
  return (
    <div className="space-y-1">
      <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => run({ card, enabled: !recording })}>
        {pending ? t('working') : recording ? t('recordingTurnOff') : t('recordingTurnOn')}
      </button>
      <ActionMessage message={message} />
    </div>
  );
}
