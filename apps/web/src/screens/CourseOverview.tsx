import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.js';
import { formatDate, formatDateTime, useI18n } from '../i18n.js';
import { useCourse, useDeployment, usePlan } from '../queries.js';
import { Async, Failure } from '../ui.js';
import { PluginPanels } from './PluginPanels.js';
import { SyncPanel } from './SyncPanel.js';

export function CourseOverview() {
  const { courseId = '' } = useParams();
  const { t, lang, label } = useI18n();
  const course = useCourse(courseId);
  const plan = usePlan(courseId);
  const deployment = useDeployment();
  const consents = useQuery({ queryKey: ['consents', courseId], queryFn: () => ok(api.GET('/api/v1/courses/{courseId}/consents', { params: { path: { courseId }, query: { limit: 100 } } })) });
  const meetings = useQuery({ queryKey: ['meetings', courseId], queryFn: () => ok(api.GET('/api/v1/courses/{courseId}/meetings', { params: { path: { courseId } } })) });
  const roleLabel = (id: string) => label(deployment.data?.roles.find((r) => r.id === id)?.label, id);
  const typeLabel = (id: string) => label(deployment.data?.meetingTypes.find((m) => m.id === id)?.label, id);
  const modelLabel = (id: string) => deployment.data?.models.find((m) => m.id === id)?.displayName ?? id;
  return (
    <Async q={course}>
      {(c) => {
        const now = Date.now();
        const next = meetings.data?.items.find((m) => m.status !== 'cancelled' && Date.parse(m.startsAt) > now);
        return (
          <>
            <h1>
              {t.courseOf} {c.citizen?.name ?? c.household?.label}
            </h1>
            <div className="grid">
              <section aria-labelledby="plan-h" className="card wide">
                <h2 id="plan-h">{t.plan}</h2>
                <Async q={plan}>
                  {(p) =>
                    p ? (
                      <div data-testid="plan">
                        <p>
                          {t.latestVersion}: <strong>{p.version}</strong> · {formatDate(p.publishedAt, lang)} · {p.authorName}
                        </p>
                        <h3>{t.overallGoal}</h3>
                        <p className="goal">{p.content.overallGoal.text}</p>
                        <h3>{t.goals}</h3>
                        <ul>
                          {p.content.goals.map((g) => (
                            <li key={g.id}>
                              {g.title} {g.targetDate && <span className="muted">({formatDate(g.targetDate, lang)})</span>}
                            </li>
                          ))}
                        </ul>
                        <h3>{t.agreements}</h3>
                        <ul>
                          {p.content.agreements.map((a) => (
                            <li key={a.id}>{a.text}</li>
                          ))}
                        </ul>
                      </div>
                    ) : (
                      <p data-testid="plan">{t.noPlan}</p>
                    )
                  }
                </Async>
                <p className="actions">
                  <Link className="button primary" to={`/courses/${courseId}/plan/edit`}>
                    {t.editPlan}
                  </Link>
                  <Link className="button" to={`/courses/${courseId}/plan/history`}>
                    {t.history}
                  </Link>
                  <Link className="button" to={`/courses/${courseId}/citizen-plan`}>
                    {t.citizenPlan}
                  </Link>
                </p>
              </section>
              <SyncPanel courseId={courseId} />
              <section aria-labelledby="citizen-h" className="card">
                <h2 id="citizen-h">{t.citizen}</h2>
                <dl className="kv">
                  <div>
                    <dt>{t.citizen}</dt>
                    <dd>{c.citizen?.name ?? c.household?.label}</dd>
                  </div>
                  {c.citizen && (
                    <div>
                      <dt>{t.cpr}</dt>
                      <dd>{c.citizen.cprMasked}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t.status}</dt>
                    <dd>{t.statuses[c.status] ?? c.status}</dd>
                  </div>
                  <div>
                    <dt>{t.model}</dt>
                    <dd>{modelLabel(c.modelId)}</dd>
                  </div>
                  <div>
                    <dt>{t.primaryContact}</dt>
                    <dd>{c.primaryContact?.staffName ?? '–'}</dd>
                  </div>
                </dl>
              </section>
              <section aria-labelledby="team-h" className="card">
                <h2 id="team-h">{t.team}</h2>
                <ul>
                  {c.team.map((m) => (
                    <li key={m.id}>
                      {m.staffName} – {roleLabel(m.role)}
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="consent-h" className="card">
                <h2 id="consent-h">{t.consents}</h2>
                <Async q={consents}>
                  {(list) => {
                    // A course's consents are a handful; a page of 100 holds them all.
                    const inForce = list.items.filter((x) => x.inForce);
                    return inForce.length ? (
                      <ul>
                        {inForce.map((x) => (
                          <li key={x.id}>
                            {x.purpose} ({formatDate(x.validFrom, lang)} – {formatDate(x.validTo, lang)})
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p>{t.noConsents}</p>
                    );
                  }}
                </Async>
              </section>
              <section aria-labelledby="meet-h" className="card">
                <h2 id="meet-h">{t.meetings}</h2>
                <p>
                  {t.nextMeeting}: {next ? `${typeLabel(next.type)}, ${formatDateTime(next.startsAt, lang)}` : t.noMeeting}
                </p>
                <ul>
                  {meetings.data?.items.map((m) => (
                    <li key={m.id}>
                      <Link to={`/courses/${courseId}/meetings/${m.id}`}>
                        {typeLabel(m.type)} – {formatDateTime(m.startsAt, lang)}
                      </Link>{' '}
                      <span className="muted">({t.statuses[m.status] ?? m.status})</span>
                    </li>
                  ))}
                </ul>
                <NewMeeting courseId={courseId} invite={invitees(c)} />
              </section>
              <PluginPanels courseId={courseId} />
            </div>
          </>
        );
      }}
    </Async>
  );
}

const PLACE_KINDS = ['town-hall', 'citizen-home', 'provider-site', 'cafe', 'online', 'other'] as const;

type Invitee = Schemas['ParticipantInputDto'];

/** Who is invited by default: the citizen and everyone on the team today (once each). */
function invitees(c: Schemas['CourseDto']): Invitee[] {
  const staff = [...new Set(c.team.filter((m) => !m.endsOn).map((m) => m.staffMemberId))];
  return [...(c.citizen ? [{ kind: 'citizen' as const, citizenId: c.citizen.id }] : []), ...staff.map((id) => ({ kind: 'staff' as const, staffMemberId: id }))];
}

function NewMeeting({ courseId, invite }: { courseId: string; invite: Invitee[] }) {
  const { t, label } = useI18n();
  const deployment = useDeployment();
  const navigate = useNavigate();
  const qc = useQueryClient();
  // Default: a meeting that has just begun (the plan is made in the meeting, with the citizen).
  const [type, setType] = useState('plan');
  const [start, setStart] = useState(() => localInput(new Date(Date.now() - 5 * 60_000)));
  const [placeKind, setPlaceKind] = useState<(typeof PLACE_KINDS)[number]>('town-hall');
  const create = useMutation({
    mutationFn: () => {
      const startsAt = new Date(start);
      return ok(
        api.POST('/api/v1/courses/{courseId}/meetings', {
          params: { path: { courseId } },
          body: { type, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), placeKind, participants: invite },
        }),
      );
    },
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: ['meetings', courseId] });
      navigate(`/courses/${courseId}/meetings/${m.id}`);
    },
  });
  return (
    <details>
      <summary>{t.newMeeting}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label>
          {t.meetingType}
          <select value={type} onChange={(e) => setType(e.target.value)}>
            {deployment.data?.meetingTypes.map((m) => (
              <option key={m.id} value={m.id}>
                {label(m.label, m.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.startsAt}
          <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          {t.place}
          <select value={placeKind} onChange={(e) => setPlaceKind(e.target.value as (typeof PLACE_KINDS)[number])}>
            {PLACE_KINDS.map((p) => (
              <option key={p} value={p}>
                {t.places[p]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t.create}
        </button>
        {create.error && <Failure error={create.error} />}
      </form>
    </details>
  );
}

function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
