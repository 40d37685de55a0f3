import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { errorMessageKey, errorMessageValues } from '../../../lib/error-message';
import { Field } from '../../../ui/Field';
import { useSignIn } from '../hooks/use-sign-in';
import { PasswordField } from './PasswordField';

/** E-mail and password; wrong credentials and throttling are explained in German by error code. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const error = signIn.error;
  const message = !error
    ? null
    : isApiError(error, 'UNAUTHENTICATED')
      ? t('auth.wrongCredentials')
      : t(errorMessageKey(error), errorMessageValues(error));
  return (
    <form
      className="form sign-in"
      aria-labelledby="sign-in-heading"
      onSubmit={(e) => {
        e.preventDefault();
        signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
      }}
    >
      <h1 id="sign-in-heading">{t('auth.title')}</h1>
      <p className="hint">{t('auth.intro')}</p>
      <Field label={t('auth.email')} required>
        {(id, props) => (
          <input
            id={id}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...props}
          />
        )}
      </Field>
      <PasswordField
        label={t('auth.password')}
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      {message && (
        <p className="form__error" role="alert" data-testid="sign-in-error">
          {message}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </div>
    </form>
  );
}
