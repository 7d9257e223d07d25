import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useOrgUnitList } from '../api/queries';
import { useSignedIn } from '../auth/session';
import { CLASSIFICATION_STATUS_KEYS } from '../classification/labels';
import { ActionDialog } from '../components/ActionDialog';
import { QueryView } from '../components/ErrorState';
import { Fact } from '../components/Fact';
import { TextArea, TextField } from '../components/fields';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime, useI18n } from '../i18n/i18n';
import { fromStockholmInput } from '../incident/time';
import { useNotice } from '../layout/notice';
import { infoSetPath } from '../registers/register-model';
import { classifyPath, isOpen, SESSION_STATUS_KEYS, sessionPath, sessionSubject } from './session-model';
import {
  type ClassificationSessionDetail,
  sessionMinutesPdfHref,
  useSession,
  useSessionStep,
} from './session-queries';

type Dialog = 'hold' | 'close' | 'cancel' | null;

/** /klassningstillfallen/:id: the session, its sets with "Klassa" links, and its steps. */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  const { t } = useI18n();
  const session = useSession(sessionId);
  return (
    <section className="page" data-page="classification-session">
      <PageHeading
        title={session.data ? `${session.data.code} ${session.data.title}` : t('sessions.title')}
      />
      <nav aria-label={t('infoSets.common.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/klassningstillfallen">{t('sessions.title')}</Link>
          </li>
          <li aria-current="page">{session.data?.code ?? '…'}</li>
        </ol>
      </nav>
      <QueryView query={session}>{(s) => <Content session={s} />}</QueryView>
    </section>
  );
}

function Content({ session }: { session: ClassificationSessionDetail }) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const units = useOrgUnitList();
  const [dialog, setDialog] = useState<Dialog>(null);
  const manages =
    units.data !== undefined &&
    isOpen(session) &&
    ability.can('update', sessionSubject(session, units.data, me.tenant.id));
  const classifies = manages && ability.can('create', 'Classification');
  const exports =
    units.data !== undefined && ability.can('export', sessionSubject(session, units.data, me.tenant.id));

  return (
    <>
      <dl className="facts">
        <Fact
          label={t('infoSets.common.status')}
          value={t(SESSION_STATUS_KEYS[session.status])}
          field="status"
        />
        <Fact label={t('infoSets.common.unit')} value={session.orgUnitName ?? '–'} />
        <Fact label={t('sessions.field.plannedAt')} value={formatDateTime(session.plannedAt)} />
        {session.heldAt && (
          <Fact label={t('sessions.field.heldAt')} value={formatDateTime(session.heldAt)} field="heldAt" />
        )}
        <Fact label={t('sessions.field.ledBy')} value={session.ledBy.displayName} />
        <Fact
          label={t('sessions.field.participants')}
          value={session.participants.map((p) => p.displayName).join(', ') || '–'}
          field="participants"
        />
        {session.cancelReason && (
          <Fact label={t('sessions.field.cancelReason')} value={session.cancelReason} field="cancelReason" />
        )}
      </dl>

      <h2>{t('sessions.field.sets')}</h2>
      <div className="table-wrap" role="region" aria-label={t('sessions.field.sets')} tabIndex={0}>
        <table className="table" data-table="session-sets">
          <thead>
            <tr>
              <th scope="col">{t('infoSets.common.code')}</th>
              <th scope="col">{t('infoSets.common.name')}</th>
              <th scope="col">{t('sessions.field.owner')}</th>
              <th scope="col">{t('sessions.field.classification')}</th>
              {classifies && <th scope="col">{t('sessions.field.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {session.informationSets.map((set) => {
              const latest = set.classifications.at(-1);
              return (
                <tr key={set.id} data-set={set.code}>
                  <td>
                    <Link to={infoSetPath(set.id)}>{set.code}</Link>
                  </td>
                  <td>{set.name}</td>
                  <td>{set.informationOwner?.displayName ?? '–'}</td>
                  <td>{latest ? t(CLASSIFICATION_STATUS_KEYS[latest.status]) : t('sessions.notStarted')}</td>
                  {classifies && (
                    <td>
                      <Link
                        to={classifyPath(set.id, session.id)}
                        aria-label={t('sessions.classifyLabel', { code: set.code })}
                      >
                        {t('sessions.classify')}
                      </Link>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>{t('sessions.field.minutes')}</h2>
      <p className="prewrap" data-field="minutes">
        {session.minutes ?? t('sessions.noMinutes')}
      </p>
      {exports && (
        <p>
          <a href={sessionMinutesPdfHref(session.id)} download>
            {t('sessions.minutesPdf')}
          </a>
        </p>
      )}

      {manages && (
        <div className="form__actions">
          {session.status === 'PLANNED' && (
            <button type="button" className="button" onClick={() => setDialog('hold')}>
              {t('sessions.hold.open')}
            </button>
          )}
          {session.status === 'HELD' && (
            <button type="button" className="button" onClick={() => setDialog('close')}>
              {t('sessions.close.open')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => setDialog('cancel')}>
            {t('sessions.cancel.open')}
          </button>
        </div>
      )}
      {dialog === 'hold' && <HoldDialog session={session} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog session={session} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelDialog session={session} onClose={() => setDialog(null)} />}
    </>
  );
}

function HoldDialog({ session, onClose }: { session: ClassificationSessionDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const step = useSessionStep();
  const [heldAt, setHeldAt] = useState('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <ActionDialog
      title={t('sessions.hold.title', { code: session.code })}
      onClose={onClose}
      validate={() => {
        const ok = fromStockholmInput(heldAt) !== null;
        setError(ok ? null : t('sessions.error.when'));
        return ok;
      }}
      summary={
        <p>
          {t('sessions.hold.summary', {
            when: heldAt ? formatDateTime(fromStockholmInput(heldAt) ?? heldAt) : '',
          })}
        </p>
      }
      confirmLabel={t('sessions.hold.confirm')}
      onConfirm={async () => {
        await step.mutateAsync({
          id: session.id,
          step: 'hold',
          heldAt: fromStockholmInput(heldAt) ?? heldAt,
          ...(minutes.trim() ? { minutes } : {}),
        });
        announce(t('sessions.hold.done', { code: session.code }), sessionPath(session.id));
        onClose();
      }}
    >
      <TextField
        label={t('sessions.field.heldAt')}
        type="datetime-local"
        value={heldAt}
        onChange={setHeldAt}
        error={error}
        required
      />
      <TextArea
        label={t('sessions.field.minutes')}
        value={minutes}
        onChange={setMinutes}
        rows={5}
        maxLength={20000}
      />
    </ActionDialog>
  );
}

function CloseDialog({ session, onClose }: { session: ClassificationSessionDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const step = useSessionStep();
  const [minutes, setMinutes] = useState(session.minutes ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <ActionDialog
      title={t('sessions.close.title', { code: session.code })}
      onClose={onClose}
      validate={() => {
        const ok = minutes.trim() !== '';
        setError(ok ? null : t('sessions.error.minutes'));
        return ok;
      }}
      summary={<p>{t('sessions.close.summary')}</p>}
      confirmLabel={t('sessions.close.confirm')}
      onConfirm={async () => {
        await step.mutateAsync({ id: session.id, step: 'close', minutes });
        announce(t('sessions.close.done', { code: session.code }), sessionPath(session.id));
        onClose();
      }}
    >
      <TextArea
        label={t('sessions.field.minutes')}
        value={minutes}
        onChange={setMinutes}
        error={error}
        required
        rows={6}
        maxLength={20000}
      />
    </ActionDialog>
  );
}

function CancelDialog({ session, onClose }: { session: ClassificationSessionDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const step = useSessionStep();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <ActionDialog
      title={t('sessions.cancel.title', { code: session.code })}
      onClose={onClose}
      validate={() => {
        const ok = reason.trim() !== '';
        setError(ok ? null : t('sessions.error.reason'));
        return ok;
      }}
      summary={<p>{t('sessions.cancel.summary', { reason: reason.trim() })}</p>}
      confirmLabel={t('sessions.cancel.confirm')}
      danger
      onConfirm={async () => {
        await step.mutateAsync({ id: session.id, step: 'cancel', reason: reason.trim() });
        announce(t('sessions.cancel.done', { code: session.code }), sessionPath(session.id));
        onClose();
      }}
    >
      <TextArea
        label={t('sessions.field.cancelReason')}
        value={reason}
        onChange={setReason}
        error={error}
        required
        maxLength={2000}
      />
    </ActionDialog>
  );
}
