/**
 * The demo installation's sign-in routes. They exist only while the demo seed runs without an external identity
 * provider, so the committed OpenAPI document (the production contract the typed client is generated from)
 * does not carry them; their two shapes are written here (DemoStaffDto and DemoTokenDto in
 * libs/core/host/src/demo-sign-in.controller.ts).
 */
export interface DemoStaff {
  userId: string;
  municipalityCode: string;
  municipalityName: string;
  modelId: string;
  roles: string[];
  description: string;
}

/** The demo staff to sign in as, or null where there is no demo sign-in (404). */
export async function demoStaff(): Promise<DemoStaff[] | null> {
  const r = await fetch('/api/v1/demo/staff');
  return r.ok ? ((await r.json()) as DemoStaff[]) : null;
}

export async function demoSignIn(userId: string): Promise<string> {
  const r = await fetch('/api/v1/demo/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!r.ok) throw new Error(`demo sign-in: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}
