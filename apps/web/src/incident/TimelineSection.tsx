import { type FormEvent, useState } from 'react';
import { useAddNote, useTimeline } from '../api/incident-queries';
import type { HandledIncident, OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ErrorState, QueryView } from '../components/ErrorState';
import { TextArea } from '../components/fields';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { TIMELINE_KIND_KEYS } from '../i18n/labels';
import { useNotice } from '../layout/notice';
import { timelineSubject } from './incident-model';

/** The append-only timeline (BR-D3), oldest first, and a manual note for those who may add one. */
export function TimelineSection({
  incident,
  unit,
}: {
  incident: HandledIncident;
  unit: OrgUnit | undefined;
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const subject = timelineSubject(incident, me.tenant.id, unit);
  const timeline = useTimeline(incident.id, ability.can('read', subject));
  const mayNote = ability.can('create', subject);
  if (!ability.can('read', subject)) return null;
  return (
    <section aria-labelledby="timeline-title" data-section="timeline">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <p className="muted">{t('timeline.lead')}</p>
      <QueryView query={timeline}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('timeline.empty')}</p>
          ) : (
            <ol className="timeline">
              {items.map((e) => (
                <li key={e.id} className="timeline__entry" data-kind={e.kind}>
                  <p className="timeline__head">
                    <strong>{t(TIMELINE_KIND_KEYS[e.kind])}</strong>{' '}
                    <span className="muted">
                      {formatDateTime(e.occurredAt)} ·{' '}
                      {e.actorMasked ? t('timeline.masked') : (e.actorName ?? t('timeline.system'))}
                    </span>
                  </p>
                  {e.text && <p className="timeline__text prewrap">{e.text}</p>}
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
      {mayNote && <NoteForm incidentId={incident.id} />}
    </section>
  );
}

function NoteForm({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const add = useAddNote();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('timeline.noteRequired'));
      return;
    }
    setError(undefined);
    await add
      .mutateAsync({ id: incidentId, text: text.trim() })
      .then(() => {
        setText('');
        announce(t('timeline.noteAdded'));
      })
      .catch(() => undefined);
  };
  return (
    <form noValidate className="form" onSubmit={(e) => void submit(e)}>
      <TextArea label={t('timeline.note')} value={text} onChange={setText} maxLength={10_000} error={error} />
      {add.error && <ErrorState error={add.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          {add.isPending ? t('status.saving') : t('timeline.addNote')}
        </button>
      </div>
    </form>
  );
}
