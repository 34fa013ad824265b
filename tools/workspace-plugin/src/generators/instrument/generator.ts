import { join } from 'node:path';
import { generateFiles, logger, type Tree } from '@nx/devkit';
import { addStringArrayElement } from '../../lib/workspace-files.js';

export interface InstrumentGeneratorOptions {
  name: string;
  title?: string;
}

/**
 * Where the core keeps instruments as data (`@enplan/core/progression-instruments`): the definitions the build
 * ships are `src/instruments/<id>.json`, listed in `SHIPPED_INSTRUMENT_IDS` (shipped.ts). The generator writes
 * there and adds one line to that list; it cannot import the core (tag type:tool), so the rules it needs are
 * repeated here and the generated test (which loads the definition through the core's validator) proves they agree.
 */
export const INSTRUMENTS_DIR = 'libs/core/progression-instruments/src/instruments';
export const SHIPPED_FILE = 'libs/core/progression-instruments/src/shipped.ts';
export const SHIPPED_LIST = 'SHIPPED_INSTRUMENT_IDS';
/** The definition format's id pattern (`definition.schema.ts`) and its length limit. */
export const INSTRUMENT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_INSTRUMENT_ID_LENGTH = 60;

/** Every reason this instrument cannot be generated here; empty when it can. Nothing is written before this passes. */
export function instrumentProblems(tree: Tree, options: InstrumentGeneratorOptions): string[] {
  const id = options.name;
  if (typeof id !== 'string' || !id) return ['an instrument name is required, e.g. "daily-life-check"'];
  if (!INSTRUMENT_ID_PATTERN.test(id)) return [`"${id}" is not a valid instrument name: use kebab-case (lower-case letters and digits, words joined by single dashes), e.g. "daily-life-check"`];
  if (id.length > MAX_INSTRUMENT_ID_LENGTH) return [`"${id}" is too long: an instrument id has at most ${MAX_INSTRUMENT_ID_LENGTH} characters`];
  const problems: string[] = [];
  if (!tree.exists(SHIPPED_FILE)) return [`${SHIPPED_FILE} (the list of instruments the build ships) is missing: is this the enplan workspace?`];
  for (const path of [`${INSTRUMENTS_DIR}/${id}.json`, `${INSTRUMENTS_DIR}/${id}.spec.ts`, `${INSTRUMENTS_DIR}/examples/${id}.answers.json`]) {
    if (tree.exists(path)) problems.push(`${path} already exists`);
  }
  try {
    addStringArrayElement(tree.read(SHIPPED_FILE, 'utf-8') ?? '', SHIPPED_FILE, SHIPPED_LIST, id);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

const both = (da: string, en: string = da) => ({ da, en });

/**
 * A definition with one item of each kind (a choice on a four-step scale, a 0–10 ruler, free text), a `sum`
 * sub-scale (the choice item), a `mean` sub-scale (the ruler) and a total of both: a start to edit, valid as
 * it is. Texts are placeholders in plain Danish (with English), to be replaced by the instrument's own.
 */
export function instrumentDefinition(id: string, title: string): Record<string, unknown> {
  return {
    $schema: 'https://enplan.dk/schemas/progression/instrument-definition-1.json',
    format: 1,
    id,
    version: 1,
    title: both(title),
    description: both(`${title}: skriv her, hvad instrumentet måler, og hvem der svarer.`, `${title}: say here what the instrument measures and who answers.`),
    licence: 'Skrevet af kommunen; må deles frit (ret det, hvis det ikke passer).',
    subject: 'citizen',
    respondents: [{ type: 'citizen' }, { type: 'caseworker' }],
    better: 'higher',
    minimumAnsweredShare: 0.5,
    scales: [
      {
        id: 'how-often',
        options: [
          { value: 0, label: both('Aldrig', 'Never') },
          { value: 1, label: both('Sjældent', 'Rarely') },
          { value: 2, label: both('Tit', 'Often') },
          { value: 3, label: both('Altid', 'Always') },
        ],
      },
    ],
    items: [
      {
        kind: 'choice',
        id: 'everyday',
        text: both('Hvor tit klarer du det, du havde planlagt for dagen?', 'How often do you manage what you had planned for the day?'),
        help: both('Tænk på de sidste to uger.', 'Think of the last two weeks.'),
        scale: 'how-often',
      },
      {
        kind: 'ruler',
        id: 'wellbeing',
        text: both('Hvordan har du det alt i alt lige nu?', 'How are you, all in all, right now?'),
        min: 0,
        max: 10,
        minLabel: both('Meget dårligt', 'Very bad'),
        maxLabel: both('Rigtig godt', 'Very good'),
      },
      {
        kind: 'text',
        id: 'in-your-words',
        text: both('Er der noget, du vil sige med dine egne ord?', 'Anything you want to say in your own words?'),
      },
    ],
    subscales: [
      { id: 'everyday-life', title: both('Hverdagen', 'Everyday life'), items: ['everyday'], method: 'sum' },
      { id: 'wellbeing', title: both('Trivsel', 'Wellbeing'), items: ['wellbeing'], method: 'mean' },
    ],
    totals: [{ id: 'total', title: both('I alt', 'Total'), method: 'sum-of-subscales', subscales: ['everyday-life', 'wellbeing'] }],
  };
}

/** An answer set for the definition above, with the scores it must give (computed by hand: 2, 7 and 2 + 7 = 9). */
export function exampleAnswers(id: string): Record<string, unknown> {
  return {
    instrumentId: id,
    instrumentVersion: 1,
    respondentType: 'citizen',
    answers: [
      { itemId: 'everyday', status: 'answered', value: 2, comment: 'Bedre end sidst' },
      { itemId: 'wellbeing', status: 'answered', value: 7 },
      { itemId: 'in-your-words', status: 'answered', text: 'Jeg sover bedre.' },
    ],
    expectedScores: { 'everyday-life': 2, wellbeing: 7, total: 9 },
  };
}

const titleOf = (id: string) => {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * `npx nx g @enplan/tools:instrument <name> [--title ...]`: a progression instrument as data that passes its
 * tests as generated: `src/instruments/<name>.json` (the definition), `src/instruments/<name>.spec.ts` (schema
 * and reference validation, the example scored, the instrument registered), `src/instruments/examples/<name>.answers.json`,
 * and one added line in `SHIPPED_INSTRUMENT_IDS`. Fails, writing nothing, when the name is invalid or taken.
 */
export async function instrumentGenerator(tree: Tree, options: InstrumentGeneratorOptions): Promise<() => void> {
  const problems = instrumentProblems(tree, options);
  if (problems.length) throw new Error(`Cannot generate instrument "${options.name}":\n  - ${problems.join('\n  - ')}\nNothing was written.`);
  const id = options.name;
  const title = options.title?.trim() || titleOf(id);
  const shipped = addStringArrayElement(tree.read(SHIPPED_FILE, 'utf-8') ?? '', SHIPPED_FILE, SHIPPED_LIST, id);
  tree.write(`${INSTRUMENTS_DIR}/${id}.json`, JSON.stringify(instrumentDefinition(id, title), null, 2) + '\n');
  tree.write(`${INSTRUMENTS_DIR}/examples/${id}.answers.json`, JSON.stringify(exampleAnswers(id), null, 2) + '\n');
  generateFiles(tree, join(import.meta.dirname, 'files', 'instrument'), INSTRUMENTS_DIR, { name: id, nameTs: `'${id}'` });
  tree.write(SHIPPED_FILE, shipped);
  return () => {
    logger.info(
      [
        '',
        `Instrument ${id} is in ${INSTRUMENTS_DIR}/${id}.json, registered in ${SHIPPED_FILE} (${SHIPPED_LIST}).`,
        'Next:',
        `  edit the items, scales and sub-scales (JSON Schema: GET /api/v1/progression/instrument-schema), then the example in examples/${id}.answers.json`,
        `  npm test -- ${INSTRUMENTS_DIR}/${id}.spec.ts     its test (the definition valid, the example scored as expected)`,
        '  a published version never changes: a change after answers exist is a new "version"',
      ].join('\n'),
    );
  };
}

export default instrumentGenerator;
