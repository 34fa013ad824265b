import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, ok, type PlanContent } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { useCourse } from '../queries.js';
import { Failure, Loading } from '../ui.js';
import { ConflictScreen } from './Conflict.js';

const AUTOSAVE_MS = 1200;
type Step = 0 | 1 | 2;
type SaveState = 'saved' | 'saving' | 'unsaved';

/**
 * The plan editor, in the order of the conversation: the citizen's words, then the overall goal and goals, then
 * actions and agreements. Edits autosave to the shared draft (If-Match on the draft revision); publishing starts
 * from the version the draft was based on, so if someone published first the conflict screen opens.
 */
export function PlanEditor() {
  const { courseId = '' } = useParams();
  const { t } = useI18n();
  const course = useCourse(courseId);
  const qc = useQueryClient();
  const draftQ = useQuery({
    queryKey: ['draft', courseId],
    queryFn: () => ok(api.GET('/api/v1/courses/{courseId}/plan/draft', { params: { path: { courseId } } })),
    staleTime: Infinity,
  });
  const [content, setContent] = useState<PlanContent | null>(null);
  const [step, setStep] = useState<Step>(0);
  const [save, setSave] = useState<SaveState>('saved');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [conflict, setConflict] = useState(false);
  const revision = useRef<{ exists: boolean; revision: number; baseVersion: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void> | null>(null);

  useEffect(() => {
    if (draftQ.data && !content) {
      setContent(draftQ.data.content ?? emptyPlan());
      revision.current = { exists: draftQ.data.exists, revision: draftQ.data.revision, baseVersion: draftQ.data.baseVersion };
    }
  }, [draftQ.data, content]);

  const saveDraft = async (c: PlanContent) => {
    const r = revision.current!;
    setSave('saving');
    const res = await api.PUT('/api/v1/courses/{courseId}/plan/draft', {
      params: { path: { courseId }, header: r.exists ? { 'If-Match': `"${r.revision}"` } : {} },
      body: { content: c },
    });
    if (!res.response.ok) {
      setSave('unsaved');
      setError(new ApiProblem(res.response.status, (res.error as { code?: string })?.code, (res.error ?? {}) as Record<string, unknown>));
      return;
    }
    revision.current = { exists: true, revision: res.data!.revision, baseVersion: res.data!.baseVersion };
    setSave('saved');
    setError(null);
  };

  const change = (next: PlanContent) => {
    setContent(next);
    setSave('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      saving.current = saveDraft(next);
    }, AUTOSAVE_MS);
  };

  const publish = async (c: PlanContent, base: number) => {
    if (timer.current) clearTimeout(timer.current);
    await saving.current;
    const res = await api.POST('/api/v1/courses/{courseId}/plan/versions', {
      params: { path: { courseId }, header: { 'If-Match': `"${base}"` } },
      body: { changeSummary: summary, content: c },
    });
    if (res.response.status === 409 && (res.error as { code?: string })?.code === 'plan.version-conflict') {
      setConflict(true);
      return;
    }
    if (!res.response.ok) {
      setError(new ApiProblem(res.response.status, (res.error as { code?: string })?.code, (res.error ?? {}) as Record<string, unknown>));
      return;
    }
    setPublished(res.data!.version);
    setConflict(false);
    revision.current = { exists: false, revision: 0, baseVersion: res.data!.version };
    void qc.invalidateQueries({ queryKey: ['plan', courseId] });
    void qc.invalidateQueries({ queryKey: ['draft', courseId] });
  };

  if (draftQ.isPending || !content) return <Loading />;
  if (draftQ.error) return <Failure error={draftQ.error} />;
  const name = course.data?.citizen?.name ?? course.data?.household?.label ?? '';

  if (conflict)
    return <ConflictScreen courseId={courseId} mine={content} onPublish={(merged, current) => { setContent(merged); void publish(merged, current); }} onCancel={() => setConflict(false)} />;

  const steps = [t.stepWords, t.stepGoals, t.stepActions];
  return (
    <>
      <p>
        <Link to={`/courses/${courseId}`}>← {name}</Link>
      </p>
      <h1>
        {t.editPlan}: {name}
      </h1>
      <p className={`save save-${save}`} role="status" aria-live="polite" data-testid="save-state">
        {save === 'saved' ? t.draftSaved : save === 'saving' ? t.draftSaving : t.draftUnsaved}
      </p>
      <nav aria-label={t.steps} className="steps">
        <ol>
          {steps.map((s, i) => (
            <li key={s}>
              <button type="button" aria-current={step === i ? 'step' : undefined} onClick={() => setStep(i as Step)}>
                {s}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="step-h" className="card">
        <h2 id="step-h">{steps[step]}</h2>
        {step === 0 && <WordsStep c={content} onChange={change} />}
        {step === 1 && <GoalsStep c={content} onChange={change} />}
        {step === 2 && <ActionsStep c={content} team={course.data?.team ?? []} onChange={change} />}
        <p className="actions">
          {step > 0 && (
            <button type="button" onClick={() => setStep((step - 1) as Step)}>
              {t.previous}
            </button>
          )}
          {step < 2 && (
            <button type="button" className="primary" onClick={() => setStep((step + 1) as Step)}>
              {t.next}
            </button>
          )}
        </p>
      </section>
      <section aria-labelledby="pub-h" className="card">
        <h2 id="pub-h">{t.publish}</h2>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void publish(content, revision.current!.baseVersion);
          }}
        >
          <label>
            {t.changeSummary}
            <textarea required value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} />
          </label>
          <button type="submit" className="primary">
            {t.publish}
          </button>
        </form>
        {published !== null && (
          <p role="status" className="success" data-testid="published">
            {t.published}: {t.version} {published}
          </p>
        )}
        {error !== null && <Failure error={error} />}
      </section>
    </>
  );
}

function emptyPlan(): PlanContent {
  return { citizenWords: { worries: '', whatWorks: '', dreamsAndWishes: '' }, overallGoal: { text: '', citizenAgreed: false }, goals: [], actions: [], agreements: [] };
}

function WordsStep({ c, onChange }: { c: PlanContent; onChange: (c: PlanContent) => void }) {
  const { t } = useI18n();
  const w = c.citizenWords;
  const set = (k: keyof typeof w, v: string) => onChange({ ...c, citizenWords: { ...w, [k]: v } });
  return (
    <div className="three">
      <label>
        {t.worries}
        <textarea rows={6} value={w.worries} onChange={(e) => set('worries', e.target.value)} />
      </label>
      <label>
        {t.whatWorks}
        <textarea rows={6} value={w.whatWorks} onChange={(e) => set('whatWorks', e.target.value)} />
      </label>
      <label>
        {t.dreams}
        <textarea rows={6} value={w.dreamsAndWishes} onChange={(e) => set('dreamsAndWishes', e.target.value)} />
      </label>
    </div>
  );
}

function GoalsStep({ c, onChange }: { c: PlanContent; onChange: (c: PlanContent) => void }) {
  const { t } = useI18n();
  const setGoal = (i: number, patch: Partial<PlanContent['goals'][number]>) => onChange({ ...c, goals: c.goals.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  return (
    <div className="form">
      <label>
        {t.overallGoal}
        <textarea rows={2} value={c.overallGoal.text} onChange={(e) => onChange({ ...c, overallGoal: { ...c.overallGoal, text: e.target.value } })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={c.overallGoal.citizenAgreed} onChange={(e) => onChange({ ...c, overallGoal: { ...c.overallGoal, citizenAgreed: e.target.checked } })} />
        {t.citizenAgreed}
      </label>
      <h3>{t.goals}</h3>
      {c.goals.map((g, i) => (
        <fieldset key={g.id} className="row">
          <legend>
            {t.goalTitle} {i + 1}
          </legend>
          <label>
            {t.goalTitle}
            <input value={g.title} onChange={(e) => setGoal(i, { title: e.target.value })} />
          </label>
          <label>
            {t.targetDate}
            <input type="date" value={g.targetDate ?? ''} onChange={(e) => setGoal(i, { targetDate: e.target.value || undefined })} />
          </label>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange({ ...c, goals: [...c.goals, { id: crypto.randomUUID(), title: '', status: 'not-started', concerns: [] }] })}>
        {t.addGoal}
      </button>
    </div>
  );
}

type Action = PlanContent['actions'][number];
type TeamMember = { staffMemberId: string; staffName: string; endsOn?: string | null };

/** Who can be responsible for an item: the citizen, or someone on the team today (a value for a <select>). */
function responsibleValue(r: Action['responsible']): string {
  return r.kind === 'citizen' ? 'citizen' : `${r.kind}:${r.id ?? ''}`;
}
function responsibleFrom(v: string): Action['responsible'] {
  if (v === 'citizen') return { kind: 'citizen' };
  const [kind, id] = v.split(':');
  return { kind: kind as Action['responsible']['kind'], id };
}

function ResponsibleSelect({ value, team, onChange }: { value: Action['responsible']; team: readonly TeamMember[]; onChange: (r: Action['responsible']) => void }) {
  const { t } = useI18n();
  const current = responsibleValue(value);
  const options = [{ v: 'citizen', label: t.theCitizen }, ...team.filter((m) => !m.endsOn).map((m) => ({ v: `staff:${m.staffMemberId}`, label: m.staffName }))];
  // Someone no longer on the team (or a unit) stays selectable on the items that name them.
  if (!options.some((o) => o.v === current)) options.push({ v: current, label: value.kind === 'unit' ? t.aUnit : t.formerMember });
  return (
    <label>
      {t.responsible}
      <select value={current} onChange={(e) => onChange(responsibleFrom(e.target.value))}>
        {[...new Map(options.map((o) => [o.v, o])).values()].map((o) => (
          <option key={o.v} value={o.v}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function ActionFields({ a, c, team, bases, onChange }: { a: Action; c: PlanContent; team: readonly TeamMember[]; bases: readonly { code: string; title: string; paragraph: string }[]; onChange: (patch: Partial<Action>) => void }) {
  const { t } = useI18n();
  const known = bases.some((b) => b.code === a.legalBasis);
  return (
    <>
      <label>
        {t.actionTitle}
        <input required maxLength={300} value={a.title} onChange={(e) => onChange({ title: e.target.value })} />
      </label>
      <label>
        {t.forGoal}
        <select value={a.goalId} onChange={(e) => onChange({ goalId: e.target.value })}>
          {c.goals.map((g, i) => (
            <option key={g.id} value={g.id}>
              {g.title || `${t.goalTitle} ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.legalBasis}
        <select value={a.legalBasis} onChange={(e) => onChange({ legalBasis: e.target.value })}>
          {!known && <option value={a.legalBasis}>{a.legalBasis}</option>}
          {bases.map((b) => (
            <option key={b.code} value={b.code}>
              {b.paragraph} {b.title}
            </option>
          ))}
        </select>
      </label>
      <ResponsibleSelect value={a.responsible} team={team} onChange={(responsible) => onChange({ responsible })} />
      <label>
        {t.startDate}
        <input type="date" required value={a.startDate} onChange={(e) => e.target.value && onChange({ startDate: e.target.value })} />
      </label>
      <label>
        {t.deadline}
        <input type="date" min={a.startDate} value={a.deadline ?? ''} onChange={(e) => onChange({ deadline: e.target.value || undefined })} />
      </label>
      <label>
        {t.status}
        <select value={a.status} onChange={(e) => onChange({ status: e.target.value as Action['status'] })}>
          {Object.entries(t.actionStatuses).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** A new action is composed here and joins the plan only when complete, so autosave never sends half an action. */
function NewAction({ c, team, bases, onAdd }: { c: PlanContent; team: readonly TeamMember[]; bases: readonly { code: string; title: string; paragraph: string }[]; onAdd: (a: Action) => void }) {
  const { t } = useI18n();
  const blank = (): Action => ({ id: crypto.randomUUID(), goalId: c.goals[0]?.id ?? '', title: '', legalBasis: bases[0]?.code ?? '', responsible: { kind: 'citizen' }, startDate: new Date().toISOString().slice(0, 10), status: 'planned' });
  const [a, setA] = useState<Action>(blank);
  if (!c.goals.length) return <p className="muted">{t.actionNeedsGoal}</p>;
  const draft = { ...a, goalId: c.goals.some((g) => g.id === a.goalId) ? a.goalId : c.goals[0].id, legalBasis: a.legalBasis || bases[0]?.code || '' };
  return (
    <form
      className="row"
      aria-label={t.newAction}
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(draft);
        setA(blank());
      }}
    >
      <fieldset className="row">
        <legend>{t.newAction}</legend>
        <ActionFields a={draft} c={c} team={team} bases={bases} onChange={(patch) => setA({ ...draft, ...patch })} />
        <button type="submit" disabled={!draft.title.trim() || !draft.legalBasis}>
          {t.addAction}
        </button>
      </fieldset>
    </form>
  );
}

function ActionsStep({ c, team, onChange }: { c: PlanContent; team: readonly TeamMember[]; onChange: (c: PlanContent) => void }) {
  const { t } = useI18n();
  const basesQ = useQuery({ queryKey: ['legal-bases'], queryFn: () => ok(api.GET('/api/v1/legal-bases')), staleTime: Infinity });
  const bases = basesQ.data?.items ?? [];
  const setAction = (i: number, patch: Partial<Action>) => onChange({ ...c, actions: c.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const setAgreement = (i: number, patch: Partial<PlanContent['agreements'][number]>) =>
    onChange({ ...c, agreements: c.agreements.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <div className="form">
      <h3>{t.actions}</h3>
      {c.actions.map((a, i) => (
        <fieldset key={a.id} className="row">
          <legend>
            {t.actionTitle} {i + 1}
          </legend>
          <ActionFields a={a} c={c} team={team} bases={bases} onChange={(patch) => setAction(i, patch)} />
          <button type="button" onClick={() => onChange({ ...c, actions: c.actions.filter((_, j) => j !== i) })}>
            {t.remove}
          </button>
        </fieldset>
      ))}
      <NewAction c={c} team={team} bases={bases} onAdd={(a) => onChange({ ...c, actions: [...c.actions, a] })} />
      <h3>{t.agreements}</h3>
      {c.agreements.map((a, i) => (
        <fieldset key={a.id} className="row">
          <legend>
            {t.agreementText} {i + 1}
          </legend>
          <label>
            {t.agreementText}
            <input value={a.text} onChange={(e) => setAgreement(i, { text: e.target.value })} />
          </label>
          <label>
            {t.dueOn}
            <input type="date" value={a.due ?? ''} onChange={(e) => setAgreement(i, { due: e.target.value || undefined })} />
          </label>
          <button type="button" onClick={() => onChange({ ...c, agreements: c.agreements.filter((_, j) => j !== i) })}>
            {t.remove}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange({ ...c, agreements: [...c.agreements, { id: crypto.randomUUID(), text: '', responsible: { kind: 'citizen' }, done: false }] })}>
        {t.addAgreement}
      </button>
    </div>
  );
}
