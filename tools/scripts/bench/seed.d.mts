// Types of tools/scripts/bench/seed.mjs, for its spec (the script itself runs as plain JavaScript).
export interface BenchScale {
  municipalities: number;
  courses: number;
  active: number;
  staff: number;
  versions: number;
  items: number;
  meetings: number;
  accessLog: number;
  workList: number;
  board: number;
}
export interface BenchSubject {
  municipalityCode: string;
  municipalityId: string;
  caseworkerId: string;
  managerId: string;
  unitId: string;
  citizenId: string;
  workListCourses: number;
  boardCourses: number;
  courses: { courseId: string; citizenId: string }[];
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any table, as TypeORM's query gives them
export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;
export const SCALES: Record<'large' | 'small' | 'tiny', BenchScale>;
export function scaleOf(name: string, factor?: number): BenchScale;
export function benchDeployment(scale: BenchScale): { municipalities: { code: string; name: string; plugins: [] }[] };
export function fakeCpr(n: number): { cpr: string; birthDate: string };
export function seedBench(
  query: Query,
  o: { scale: BenchScale; today: string; municipalities: { id: string; code: string }[]; seed?: number },
): Promise<{ subjects: BenchSubject[]; counts: Record<string, number> }>;
export function databaseFacts(query: Query, tables?: string[]): Promise<{ counts: Record<string, number>; hash: string }>;
