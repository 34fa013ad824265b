import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.js';
import { formatDateTime, useI18n } from '../i18n.js';
import { useCourse, useDeployment } from '../queries.js';
import { Async, Failure } from '../ui.js';

const ATTENDANCE = ['invited', 'accepted', 'declined', 'attended', 'no-show'] as const;

/** The meeting at the table: who is there, agenda, minutes, outcomes, and the outcome into the plan. */
export function MeetingScreen() {
  const { courseId = '', meetingId = '' } = useParams();
  const { t, lang, label } = useI18n();
  const qc = useQueryClient();
  const deployment = useDeployment();
  const course = useCourse(courseId);
  // Participants carry ids; their names come from the course (team and citizen).
  const nameOf = (p: Schemas['ParticipantDto']) =>
    p.name ??
    (p.staffMemberId ? course.data?.team.find((m) => m.staffMemberId === p.staffMemberId)?.staffName : undefined) ??
    (p.citizenId && p.citizenId === course.data?.citizen?.id ? course.data.citizen.name : undefined) ??
    p.organisation ??
    t.participants;
  const key = ['meeting', meetingId];
  const meeting = useQuery({ queryKey: key, queryFn: () => ok(api.GET('/api/v1/meetings/{meetingId}', { params: { path: { meetingId } } })) });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const [minutes, setMinutes] = useState<string | null>(null);
  const [kind, setKind] = useState<'agreement' | 'decision'>('agreement');
  const [text, setText] = useState('');
  const [summary, setSummary] = useState('');
  const [drafted, setDrafted] = useState(false);
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  const [agendaTitle, setAgendaTitle] = useState('');

  const attend = useMutation({
    mutationFn: ({ id, attendance }: { id: string; attendance: (typeof ATTENDANCE)[number] }) =>
      ok(api.PATCH('/api/v1/meetings/{meetingId}/participants/{participantId}', { params: { path: { meetingId, participantId: id } }, body: { attendance } })),
    onSuccess: refresh,
  });
  const addAgendaItem = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/meetings/{meetingId}/agenda', { params: { path: { meetingId } }, body: { title: agendaTitle.trim() } })),
    onSuccess: () => {
      setAgendaTitle('');
      void refresh();
    },
  });
  const saveMinutes = useMutation({ mutationFn: (m: string) => ok(api.PUT('/api/v1/meetings/{meetingId}/minutes', { params: { path: { meetingId } }, body: { minutes: m } })), onSuccess: refresh });
  const addOutcome = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/meetings/{meetingId}/outcomes', { params: { path: { meetingId } }, body: { kind, text } })),
    onSuccess: () => {
      setText('');
      void refresh();
    },
  });
  const toDraft = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/meetings/{meetingId}/plan-draft', { params: { path: { meetingId } } })),
    onSuccess: () => {
      setDrafted(true);
      void qc.invalidateQueries({ queryKey: ['draft', courseId] });
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      // The draft the outcome went into knows which version it starts from.
      const draft = await ok(api.GET('/api/v1/courses/{courseId}/plan/draft', { params: { path: { courseId } } }));
      return ok(api.POST('/api/v1/meetings/{meetingId}/publish-plan', { params: { path: { meetingId } }, body: { changeSummary: summary, baseVersion: draft.baseVersion } }));
    },
    onSuccess: (v) => {
      setPublishedVersion((v as unknown as { version: number }).version);
      void qc.invalidateQueries({ queryKey: ['plan', courseId] });
    },
  });

  return (
    <Async q={meeting}>
      {(m) => (
        <>
          <p>
            <Link to={`/courses/${courseId}`}>← {t.back}</Link>
          </p>
          <h1>
            {label(deployment.data?.meetingTypes.find((x) => x.id === m.type)?.label, m.type)} · {formatDateTime(m.startsAt, lang)}
          </h1>
          <p>
            {t.place}: {t.places[m.placeKind] ?? m.placeKind} {m.placeText ?? ''} · {t.status}: {t.statuses[m.status] ?? m.status}
          </p>
          <div className="grid">
            <section aria-labelledby="part-h" className="card">
              <h2 id="part-h">{t.participants}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.participants}</th>
                    <th scope="col">{t.roles}</th>
                    <th scope="col">{t.attendance}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.participants.map((p: Schemas['ParticipantDto']) => (
                    <tr key={p.id}>
                      <th scope="row">{nameOf(p)}</th>
                      <td>{p.roles.map((r) => label(deployment.data?.roles.find((x) => x.id === r)?.label, r)).join(', ')}</td>
                      <td>
                        <select aria-label={`${t.attendance}: ${nameOf(p)}`} value={p.attendance} onChange={(e) => attend.mutate({ id: p.id, attendance: e.target.value as (typeof ATTENDANCE)[number] })}>
                          {ATTENDANCE.map((a) => (
                            <option key={a} value={a}>
                              {t.attendances[a]}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <AddParticipant meetingId={meetingId} team={(course.data?.team ?? []).filter((x) => !x.endsOn && !m.participants.some((p) => p.staffMemberId === x.staffMemberId))} onAdded={refresh} />
            </section>
            <section aria-labelledby="agenda-h" className="card">
              <h2 id="agenda-h">{t.agenda}</h2>
              <ol>
                {m.agenda.map((a: Schemas['AgendaItemDto']) => (
                  <li key={a.id}>{a.title}</li>
                ))}
              </ol>
              <form
                className="form inline"
                aria-label={t.addAgendaItem}
                onSubmit={(e) => {
                  e.preventDefault();
                  addAgendaItem.mutate();
                }}
              >
                <label>
                  {t.agendaTitle}
                  <input value={agendaTitle} maxLength={300} required onChange={(e) => setAgendaTitle(e.target.value)} />
                </label>
                <button type="submit" disabled={addAgendaItem.isPending}>
                  {t.addAgendaItem}
                </button>
                {addAgendaItem.error && <Failure error={addAgendaItem.error} />}
              </form>
            </section>
            <section aria-labelledby="min-h" className="card wide">
              <h2 id="min-h">{t.minutes}</h2>
              <form
                className="form"
                onSubmit={(e) => {
                  e.preventDefault();
                  saveMinutes.mutate(minutes ?? m.minutes ?? '');
                }}
              >
                <label>
                  {t.minutes}
                  <textarea rows={4} value={minutes ?? m.minutes ?? ''} onChange={(e) => setMinutes(e.target.value)} />
                </label>
                <button type="submit">{t.saveMinutes}</button>
                {saveMinutes.error && <Failure error={saveMinutes.error} />}
              </form>
            </section>
            <section aria-labelledby="out-h" className="card wide">
              <h2 id="out-h">{t.outcomes}</h2>
              <ul data-testid="outcomes">
                {m.outcomes.map((o: Schemas['OutcomeDto']) => (
                  <li key={o.id}>
                    <span className="tag">{o.kind === 'agreement' ? t.agreement : t.decision}</span> {o.text}
                  </li>
                ))}
              </ul>
              <form
                className="form inline"
                onSubmit={(e) => {
                  e.preventDefault();
                  addOutcome.mutate();
                }}
              >
                <label>
                  {t.outcomeKind}
                  <select value={kind} onChange={(e) => setKind(e.target.value as 'agreement' | 'decision')}>
                    <option value="agreement">{t.agreement}</option>
                    <option value="decision">{t.decision}</option>
                  </select>
                </label>
                <label>
                  {t.outcomeText}
                  <input value={text} onChange={(e) => setText(e.target.value)} required />
                </label>
                <button type="submit">{t.addOutcome}</button>
                {addOutcome.error && <Failure error={addOutcome.error} />}
              </form>
              <p className="actions">
                <button type="button" className="primary" onClick={() => toDraft.mutate()} disabled={toDraft.isPending}>
                  {t.toDraft}
                </button>
              </p>
              {drafted && <p role="status" className="success">{t.toDraftDone}</p>}
              {toDraft.error && <Failure error={toDraft.error} />}
              {drafted && (
                <form
                  className="form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    publish.mutate();
                  }}
                >
                  <label>
                    {t.changeSummary}
                    <textarea rows={2} required value={summary} onChange={(e) => setSummary(e.target.value)} />
                  </label>
                  <button type="submit" className="primary">
                    {t.publishFromMeeting}
                  </button>
                  {publish.error && <Failure error={publish.error} />}
                </form>
              )}
              {publishedVersion !== null && (
                <p role="status" className="success" data-testid="published">
                  {t.published}: {t.version} {publishedVersion}
                </p>
              )}
            </section>
          </div>
        </>
      )}
    </Async>
  );
}

type NewParticipantKind = 'staff' | 'external' | 'network';

/** Someone joins the meeting: a colleague from the team, a person from another organisation, or the citizen's network. */
function AddParticipant({ meetingId, team, onAdded }: { meetingId: string; team: readonly { staffMemberId: string; staffName: string }[]; onAdded: () => unknown }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<NewParticipantKind>(team.length ? 'staff' : 'external');
  const [staffMemberId, setStaffMemberId] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const staffId = staffMemberId || team[0]?.staffMemberId || '';
  const add = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/meetings/{meetingId}/participants', {
          params: { path: { meetingId } },
          body: kind === 'staff' ? { kind, staffMemberId: staffId } : { kind, name: name.trim(), ...(kind === 'external' && organisation.trim() ? { organisation: organisation.trim() } : {}) },
        }),
      ),
    onSuccess: () => {
      setName('');
      setOrganisation('');
      setStaffMemberId('');
      void onAdded();
    },
  });
  return (
    <form
      className="form"
      aria-label={t.addParticipant}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <label>
        {t.participantKind}
        <select value={kind} onChange={(e) => setKind(e.target.value as NewParticipantKind)}>
          {(['staff', 'external', 'network'] as const)
            .filter((k) => k !== 'staff' || team.length > 0)
            .map((k) => (
              <option key={k} value={k}>
                {t.participantKinds[k]}
              </option>
            ))}
        </select>
      </label>
      {kind === 'staff' ? (
        <label>
          {t.teamMember}
          <select value={staffId} onChange={(e) => setStaffMemberId(e.target.value)}>
            {team.map((m) => (
              <option key={m.staffMemberId} value={m.staffMemberId}>
                {m.staffName}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            {t.personName}
            <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          {kind === 'external' && (
            <label>
              {t.organisation}
              <input maxLength={200} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
            </label>
          )}
        </>
      )}
      <button type="submit" disabled={add.isPending || (kind === 'staff' && !staffId)}>
        {t.addParticipant}
      </button>
      {add.error && <Failure error={add.error} />}
    </form>
  );
}
