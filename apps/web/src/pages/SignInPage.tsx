import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { TextField, SelectField } from '../components/fields';
import { Loading } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../i18n/labels';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** Only a path on this site: `next` must never send the person elsewhere after signing in. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/logga-in')) return '/';
  return next;
}

export function SignInPage() {
  const { t } = useI18n();
  const { session, reason, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [tenant, setTenant] = useState('');
  const [tenants, setTenants] = useState<string[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string; tenant?: string }>(
    {},
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (session === undefined) {
    return (
      <main id="main" className="app-main app-main--bare">
        <Loading />
      </main>
    );
  }
  if (session && !pending) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      username: username.trim() ? undefined : t('signIn.usernameRequired'),
      password: password ? undefined : t('signIn.passwordRequired'),
      tenant: tenants && !tenant ? t('signIn.tenantRequired') : undefined,
    };
    setFieldErrors(errors);
    if (errors.username || errors.password || errors.tenant) return;
    setPending(true);
    setError(null);
    try {
      await signIn({ username: username.trim(), password, ...(tenants ? { tenant } : {}) });
      await navigate(next, { replace: true });
    } catch (caught) {
      const apiError =
        caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT_ERROR', String(caught), null, null);
      if (apiError.code === 'TENANT_REQUIRED') {
        const list = (apiError.details as { tenants?: string[] } | null)?.tenants ?? [];
        setTenants(list);
      }
      setError(apiError);
      setPending(false);
    }
  };

  const notice =
    reason === 'expired'
      ? t('signIn.expired')
      : reason === 'ended'
        ? t('signIn.ended')
        : reason === 'signedOut'
          ? t('signIn.signedOut')
          : null;

  return (
    <div className="sign-in">
      <header className="sign-in__header">
        <span className="app-header__name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in__main" tabIndex={-1}>
        <PageHeading title={t('signIn.title')} />
        <p className="lead">{t('signIn.lead')}</p>
        {notice && (
          <p className="sign-in__notice" role="status">
            {notice}
          </p>
        )}
        {error && (
          <div ref={errorRef} tabIndex={-1} className="error-state" role="alert" data-code={error.code}>
            <p className="error-state__title">{t('signIn.failed')}</p>
            <p>{errorMessage(t, error)}</p>
          </div>
        )}
        <form noValidate onSubmit={(event) => void submit(event)} className="form">
          <TextField
            label={t('signIn.username')}
            name="username"
            value={username}
            onChange={setUsername}
            autoComplete="username"
            required
            error={fieldErrors.username}
          />
          <TextField
            label={t('signIn.password')}
            name="password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            required
            error={fieldErrors.password}
          />
          {tenants && (
            <SelectField
              label={t('signIn.tenant')}
              value={tenant}
              onChange={setTenant}
              required
              error={fieldErrors.tenant}
            >
              <option value="">{t('signIn.chooseTenant')}</option>
              {tenants.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </SelectField>
          )}
          <div className="form__actions">
            <button type="submit" className="button" disabled={pending}>
              {pending ? t('signIn.signingIn') : t('action.signIn')}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
