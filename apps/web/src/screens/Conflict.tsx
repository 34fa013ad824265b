import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ok, type PlanContent } from '../api/client.js';
import { useI18n } from '../i18n.js';
import { Async } from '../ui.js';

const SECTIONS = ['citizenWords', 'overallGoal', 'goals', 'actions', 'agreements'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Someone published first: both plans side by side, section by section; the caseworker picks which to keep per
 * section (their own by default) and publishes the merge on top of the version that is now current.
 */
export function ConflictScreen({ courseId, mine, onPublish, onCancel }: { courseId: string; mine: PlanContent; onPublish: (merged: PlanContent, currentVersion: number) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const current = useQuery({ queryKey: ['plan-conflict', courseId], queryFn: () => ok(api.GET('/api/v1/courses/{courseId}/plan', { params: { path: { courseId } } })), staleTime: 0 });
  const [choice, setChoice] = useState<Record<Section, 'mine' | 'theirs'>>({ citizenWords: 'mine', overallGoal: 'mine', goals: 'mine', actions: 'mine', agreements: 'mine' });
  const titles: Record<Section, string> = { citizenWords: t.stepWords, overallGoal: t.overallGoal, goals: t.goals, actions: t.actions, agreements: t.agreements };
  return (
    <>
      <h1>{t.conflictTitle}</h1>
      <p role="alert">{t.conflictExplain}</p>
      <Async q={current}>
        {(theirs) => {
          const differing = SECTIONS.filter((s) => JSON.stringify(theirs.content[s]) !== JSON.stringify(mine[s]));
          return (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const merged = { ...mine };
                for (const s of SECTIONS) if (choice[s] === 'theirs') (merged as Record<Section, unknown>)[s] = theirs.content[s];
                onPublish(merged, theirs.version);
              }}
            >
              {differing.map((s) => (
                <fieldset key={s} className="card conflict">
                  <legend>{titles[s]}</legend>
                  <div className="side-by-side">
                    <div>
                      <h3>
                        {t.theirs} ({t.version} {theirs.version})
                      </h3>
                      <SectionView value={theirs.content[s]} />
                      <label className="check">
                        <input type="radio" name={s} checked={choice[s] === 'theirs'} onChange={() => setChoice({ ...choice, [s]: 'theirs' })} />
                        {t.keepTheirs}
                      </label>
                    </div>
                    <div>
                      <h3>{t.mine}</h3>
                      <SectionView value={mine[s]} />
                      <label className="check">
                        <input type="radio" name={s} checked={choice[s] === 'mine'} onChange={() => setChoice({ ...choice, [s]: 'mine' })} />
                        {t.keepMine}
                      </label>
                    </div>
                  </div>
                </fieldset>
              ))}
              <p className="actions">
                <button type="submit" className="primary">
                  {t.publishMerged}
                </button>
                <button type="button" onClick={onCancel}>
                  {t.back}
                </button>
              </p>
            </form>
          );
        }}
      </Async>
    </>
  );
}

function SectionView({ value }: { value: unknown }) {
  const { t } = useI18n();
  const fieldLabels: Record<string, string> = { worries: t.worries, whatWorks: t.whatWorks, dreamsAndWishes: t.dreams, text: t.overallGoal, citizenAgreed: t.citizenAgreed, agreedOn: t.agreedOn };
  if (Array.isArray(value))
    return (
      <ul>
        {value.map((x: { id: string; title?: string; text?: string }) => (
          <li key={x.id}>{x.title ?? x.text}</li>
        ))}
      </ul>
    );
  if (value && typeof value === 'object')
    return (
      <dl className="kv">
        {Object.entries(value).map(([k, v]) => (
          <div key={k}>
            <dt>{fieldLabels[k] ?? k}</dt>
            <dd>{typeof v === 'boolean' ? (v ? t.yes : t.no) : String(v)}</dd>
          </div>
        ))}
      </dl>
    );
  return <p>{String(value)}</p>;
}
