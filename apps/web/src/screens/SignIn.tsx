import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ok, session } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { Loading } from '../ui.js';

/** The demo installation's sign-in (GET /demo/staff exists only there); elsewhere the municipality's login. */
export function SignIn() {
  const { t } = useI18n();
  const staff = useQuery({
    queryKey: ['demo-staff'],
    queryFn: async () => {
      const r = await api.GET('/api/v1/demo/staff');
      return r.response.ok ? (r.data ?? []) : null;
    },
  });
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    const r = await ok(api.POST('/api/v1/demo/sign-in', { body: { userId: userId || staff.data![0].userId } }));
    session.set(r.token);
    window.location.assign('/');
  };
  return (
    <main id="main" className="signin">
      <h1>{t.appName}</h1>
      {staff.isPending ? (
        <Loading />
      ) : staff.data ? (
        <section aria-labelledby="demo-h" className="card demo">
          <h2 id="demo-h">
            <span className="badge">{t.demoBadge}</span> {t.demoSignIn}
          </h2>
          <p>{t.demoExplain}</p>
          <label htmlFor="demo-user">{t.signInAs}</label>
          <select id="demo-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
            {staff.data.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.municipalityCode} {s.municipalityName}: {s.description} ({s.roles.join(', ')})
              </option>
            ))}
          </select>
          <button type="button" className="primary" disabled={busy} onClick={() => void signIn()}>
            {t.signIn}
          </button>
        </section>
      ) : (
        <p>{t.noDemo}</p>
      )}
    </main>
  );
}
