import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { checkScreen } from './screens.js';

// The demo course of municipality 999 with three published versions (libs/core/host demo seed).
const CITIZEN = 'Lars Hansen';

async function signIn(page: Page, optionText: RegExp): Promise<string> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Demo-login/ })).toBeVisible();
  const select = page.getByLabel('Log ind som');
  const value = await select.locator('option', { hasText: optionText }).first().getAttribute('value');
  await select.selectOption(value!);
  return value!;
}

async function token(page: Page): Promise<string> {
  const t = await page.evaluate(() => sessionStorage.getItem('enplan.token'));
  expect(t).toBeTruthy();
  return t!;
}

async function currentPlan(request: APIRequestContext, auth: string, courseId: string) {
  const r = await request.get(`/api/v1/courses/${courseId}/plan`, { headers: { Authorization: `Bearer ${auth}` } });
  expect(r.status()).toBe(200);
  return r.json();
}

test.describe.configure({ mode: 'serial' });

test('a caseworker walks a course: work list, plan revision, conflict, meeting outcome, citizen’s printed plan', async ({ page, request }) => {
  await test.step('demo sign-in, clearly marked as demo', async () => {
    await signIn(page, /999 Demo Kommune: caseworker on the demo courses/);
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    await checkScreen(page, '01-sign-in');
    await page.getByRole('button', { name: 'Log ind' }).click();
  });

  await test.step('work list: due, overdue and upcoming with reasons', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Min arbejdsliste' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Overskredet \(\d+\)/ })).toBeVisible();
    await expect(page.getByText('A plan meeting with the citizen at least every 60 days').first()).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(CITIZEN) }).first()).toBeVisible();
    // Tokens stay out of the address bar.
    expect(page.url()).not.toMatch(/token|eyJ/);
    await checkScreen(page, '02-work-list');
  });

  let courseId = '';
  await test.step('one click to the course; the plan is shown (time measured, not asserted)', async () => {
    const started = Date.now();
    await page.getByRole('link', { name: new RegExp(CITIZEN) }).first().click();
    await expect(page.getByTestId('plan')).toContainText('Seneste version: 3');
    const ms = Date.now() - started;
    console.log(`[measure] work list click -> plan visible: ${ms} ms`);
    test.info().annotations.push({ type: 'plan-open-ms', description: String(ms) });
    courseId = page.url().split('/courses/')[1];
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Forløb for ${CITIZEN}`);
    await expect(page.getByText('120585-****')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Team' })).toContainText('Primær kontaktperson');
    await checkScreen(page, '03-course-overview');
  });

  const auth = await token(page);
  const H = { Authorization: `Bearer ${auth}` };

  await test.step('plan editor: three steps, draft autosaved with If-Match, published with a change summary', async () => {
    await page.getByRole('link', { name: 'Redigér planen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '1. Borgerens egne ord' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Bekymringer' }).fill('Gælden fylder mindre nu. Jeg sover bedre.');
    await expect(page.getByTestId('save-state')).toHaveText('Kladde gemt');
    const draft = await request.get(`/api/v1/courses/${courseId}/plan/draft`, { headers: H });
    expect((await draft.json()).content.citizenWords.worries).toBe('Gælden fylder mindre nu. Jeg sover bedre.');
    const rev1 = Number((draft.headers()['etag'] ?? '').replace(/"/g, ''));
    await checkScreen(page, '04-editor-words');

    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '2. Overordnet mål og mål' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Overordnet mål' }).fill('Jeg vil have et job som tømrerlærling.');
    await expect(page.getByTestId('save-state')).toHaveText('Kladde gemt');
    // The second autosave carried the first one's revision (If-Match) and got the next.
    const draft2 = await request.get(`/api/v1/courses/${courseId}/plan/draft`, { headers: H });
    expect(Number((draft2.headers()['etag'] ?? '').replace(/"/g, ''))).toBe(rev1 + 1);
    await checkScreen(page, '05-editor-goals');

    await page.getByRole('button', { name: 'Næste' }).click();
    // A new action joins the plan only when complete; existing actions are edited in place.
    const newAction = page.getByRole('form', { name: 'Ny indsats' });
    await expect(newAction.getByRole('button', { name: 'Tilføj indsats' })).toBeDisabled();
    await newAction.getByLabel('Indsats', { exact: true }).fill('Praktik hos en tømrermester');
    await newAction.getByLabel('Slutdato').fill('2027-06-30');
    await newAction.getByRole('button', { name: 'Tilføj indsats' }).click();
    await expect(page.getByRole('group', { name: /^Indsats \d+$/ }).last().getByLabel('Indsats', { exact: true })).toHaveValue('Praktik hos en tømrermester');
    await page.getByRole('group', { name: 'Indsats 1' }).getByLabel('Status').selectOption({ label: 'Afsluttet' });
    await page.getByRole('button', { name: 'Tilføj aftale' }).click();
    await page.getByLabel('Aftale', { exact: true }).last().fill('Lars køber togbillet til praktikstedet');
    await page.getByRole('textbox', { name: 'Hvad er ændret (resumé)' }).fill('Nyt mål og en aftale om togbillet');
    await checkScreen(page, '06-editor-actions');
    await page.getByRole('button', { name: 'Offentliggør ny version' }).click();
    await expect(page.getByTestId('published')).toHaveText('Ny version offentliggjort: Version 4');
    const v4 = await currentPlan(request, auth, courseId);
    expect(v4.version).toBe(4);
    expect(v4.changeSummary).toBe('Nyt mål og en aftale om togbillet');
    expect(v4.content.overallGoal.text).toBe('Jeg vil have et job som tømrerlærling.');
    expect(v4.content.agreements.map((a: { text: string }) => a.text)).toContain('Lars køber togbillet til praktikstedet');
    const added = v4.content.actions.find((a: { title: string }) => a.title === 'Praktik hos en tømrermester');
    expect(added).toMatchObject({ deadline: '2027-06-30', status: 'planned', responsible: { kind: 'citizen' } });
    expect(v4.content.actions[0].status).toBe('done');
  });

  await test.step('a colleague publishes first: the conflict screen shows both, merges, publishes again', async () => {
    await page.getByRole('button', { name: 'Forrige' }).click();
    await page.getByRole('textbox', { name: 'Overordnet mål' }).fill('Jeg vil være tømrerlærling inden sommer.');
    await expect(page.getByTestId('save-state')).toHaveText('Kladde gemt');
    // The colleague's publish, from the same base (version 4), straight through the API.
    const v4 = await currentPlan(request, auth, courseId);
    const theirs = { ...v4.content, agreements: [...v4.content.agreements, { id: crypto.randomUUID(), text: 'Mia Mentor følger Lars til første praktikdag', responsible: { kind: 'citizen' }, done: false }] };
    const r = await request.post(`/api/v1/courses/${courseId}/plan/versions`, { headers: { ...H, 'If-Match': '"4"' }, data: { changeSummary: 'Mentoraftale', content: theirs } });
    expect(r.status()).toBe(201);

    await page.getByRole('button', { name: 'Næste' }).click();
    await page.getByRole('textbox', { name: 'Hvad er ændret (resumé)' }).fill('Målet skærpet');
    await page.getByRole('button', { name: 'Offentliggør ny version' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'En anden har offentliggjort først' })).toBeVisible();
    const goal = page.getByRole('group', { name: 'Overordnet mål' });
    await expect(goal).toContainText('Jeg vil have et job som tømrerlærling.');
    await expect(goal).toContainText('Jeg vil være tømrerlærling inden sommer.');
    const agreements = page.getByRole('group', { name: 'Aftaler' });
    await expect(agreements).toContainText('Mia Mentor følger Lars til første praktikdag');
    await checkScreen(page, '07-conflict');
    // Keep my goal, take the colleague's agreements.
    await agreements.getByLabel('Brug den offentliggjorte').check();
    await page.getByRole('button', { name: 'Offentliggør den samlede plan' }).click();
    await expect(page.getByTestId('published')).toHaveText('Ny version offentliggjort: Version 6');
    const v6 = await currentPlan(request, auth, courseId);
    expect(v6.content.overallGoal.text).toBe('Jeg vil være tømrerlærling inden sommer.');
    expect(v6.content.agreements.map((a: { text: string }) => a.text)).toContain('Mia Mentor følger Lars til første praktikdag');
  });

  await test.step('version history with a readable diff', async () => {
    await page.goto(`/courses/${courseId}/plan/history`);
    await expect(page.getByRole('heading', { level: 2, name: 'Version 6' })).toBeVisible();
    await page.getByRole('listitem').filter({ hasText: 'Version 6' }).getByRole('button', { name: 'Vis ændringer' }).click();
    const diff = page.getByTestId('diff');
    await expect(diff).toContainText('Ændringer fra version 5 → 6');
    await expect(diff.locator('ins')).toContainText(['Jeg vil være tømrerlærling inden sommer.']);
    await checkScreen(page, '08-history');
  });

  await test.step('a meeting whose outcome becomes the next version', async () => {
    await page.goto(`/courses/${courseId}`);
    await page.getByText('Nyt møde').click();
    await page.getByLabel('Mødetype').selectOption({ label: 'Planmøde' });
    await page.getByRole('button', { name: 'Opret' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Planmøde/ })).toBeVisible();
    // The citizen and the team are invited; the citizen came.
    const participants = page.getByRole('region', { name: 'Deltagere' });
    await expect(participants.getByRole('row')).toHaveCount(1 + 1 + 3);
    // Someone from the citizen's network joins, and the agenda gets an item.
    const addParticipant = page.getByRole('form', { name: 'Tilføj deltager' });
    await addParticipant.getByLabel('Hvem').selectOption({ label: 'Fra borgerens netværk' });
    await addParticipant.getByLabel('Navn').fill('Birgit Hansen');
    await addParticipant.getByRole('button', { name: 'Tilføj deltager' }).click();
    await expect(participants.getByRole('row')).toHaveCount(1 + 1 + 3 + 1);
    await expect(participants.getByRole('rowheader', { name: 'Birgit Hansen' })).toBeVisible();
    await page.getByRole('form', { name: 'Tilføj punkt' }).getByLabel('Punkt').fill('Gæld og økonomi');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await expect(page.getByRole('region', { name: 'Dagsorden' }).getByRole('listitem').last()).toHaveText('Gæld og økonomi');
    const citizenAttendance = participants.getByRole('combobox', { name: new RegExp(`Fremmøde: ${CITIZEN}`) });
    await citizenAttendance.selectOption({ label: 'Mødt' });
    await expect(citizenAttendance).toHaveValue('attended');
    await page.getByRole('textbox', { name: 'Referat' }).fill('Lars fortalte om gælden; vi aftalte et møde med gældsrådgiveren.');
    await page.getByRole('button', { name: 'Gem referat' }).click();
    await page.getByRole('textbox', { name: 'Tekst' }).fill('Lars ringer til gældsrådgiveren inden fredag');
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(page.getByTestId('outcomes')).toContainText('Lars ringer til gældsrådgiveren inden fredag');
    await page.getByRole('button', { name: 'Gør udfaldet til plankladde' }).click();
    await expect(page.getByText('Udfaldet står nu i plankladden')).toBeVisible();
    await page.getByRole('textbox', { name: 'Hvad er ændret (resumé)' }).fill('Aftaler fra planmødet');
    await checkScreen(page, '09-meeting');
    await page.getByRole('button', { name: 'Offentliggør planen fra mødet' }).click();
    await expect(page.getByTestId('published')).toHaveText('Ny version offentliggjort: Version 7');
    const meetingId = page.url().split('/meetings/')[1];
    const v7 = await currentPlan(request, auth, courseId);
    expect(v7.version).toBe(7);
    expect(v7.sourceMeetingId).toBe(meetingId);
    const held = await (await request.get(`/api/v1/meetings/${meetingId}`, { headers: H })).json();
    expect(held.participants).toContainEqual(expect.objectContaining({ kind: 'network', name: 'Birgit Hansen' }));
    expect(held.agenda.map((a: { title: string }) => a.title)).toContain('Gæld og økonomi');
    expect(v7.content.agreements.map((a: { text: string }) => a.text)).toContain('Lars ringer til gældsrådgiveren inden fredag');
  });

  await test.step('the sync panel: the job centre’s system has no interface; the caseworker records typing the plan in', async () => {
    await page.goto(`/courses/${courseId}`);
    const sync = page.getByRole('region', { name: 'Sektorsystemer' });
    await expect(sync.getByRole('columnheader', { name: 'Momentum (jobcenter)' })).toBeVisible();
    const row7 = sync.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^7 / }) });
    await expect(row7).toContainText('Skal tastes ind');
    const form = sync.getByRole('form', { name: 'Registrér at planen er tastet ind' });
    await form.getByLabel('System og version').selectOption({ label: 'Momentum (jobcenter): Version 7' });
    await form.getByLabel('Reference i systemet').fill('MOM-2026-4711');
    await form.getByRole('button', { name: 'Registrér at planen er tastet ind' }).click();
    await expect(row7).toContainText('Tastet ind · MOM-2026-4711');
    const ledger = await (await request.get(`/api/v1/courses/${courseId}/sync`, { headers: H })).json();
    expect(ledger.planVersions[0].version).toBe(7);
    expect(ledger.planVersions[0].targets).toEqual([expect.objectContaining({ target: 'momentum', state: 'delivered', manual: true, targetReference: 'MOM-2026-4711' })]);
    await checkScreen(page, '09b-sync');
  });

  await test.step('the citizen’s plan, printed for the fridge', async () => {
    await page.goto(`/courses/${courseId}/citizen-plan`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Lars ringer til gældsrådgiveren inden fredag').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    // The print layout drops the app's header and buttons.
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden();
    await checkScreen(page, '10-citizen-plan-print');
    await page.pdf({ path: 'dist/web-e2e/screenshots/10-citizen-plan.pdf', format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });
});

test('a manager sees the team’s board; English is available', async ({ page }) => {
  await signIn(page, /999 Demo Kommune: manager of the job centre/);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tavle for teamet' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Generisk');
  await checkScreen(page, '11-board');
  await page.getByLabel('Sprog').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'The team’s board' })).toBeVisible();
});

test('the API host serves the app at / without shadowing /api, /api/docs or /health', async ({ request }) => {
  const deep = await request.get('/courses/any/plan/edit');
  expect([deep.status(), deep.headers()['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  expect(await deep.text()).toContain('<div id="root"></div>');
  const missingAsset = await request.get('/assets/no-such-bundle.js');
  expect(missingAsset.status()).toBe(404);
  const api = await request.get('/api/v1/no-such-route');
  expect([api.status(), api.headers()['content-type']]).toEqual([404, 'application/problem+json; charset=utf-8']);
  expect(await (await request.get('/api/docs/')).text()).toContain('swagger');
  expect((await (await request.get('/health')).json()).status).toBe('ok');
  // Without a token the API still says 401, even for a GET a browser could send.
  expect((await request.get('/api/v1/work-list')).status()).toBe(401);
});
