import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { session } from '../api/client.js';
import { demoSignIn, demoStaff } from '../api/demo.js';
import { useI18n } from '../i18n.js';
import { Loading } from '../ui.js';

/** The demo installation's sign-in (GET /demo/staff exists only there); elsewhere the municipality's login. */
export function SignIn() {
  const { t } = useI18n();
  const staff = useQuery({
    queryKey: ['demo-staff'],
    queryFn: demoStaff,
  });
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    session.set(await demoSignIn(userId || staff.data![0].userId));
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
