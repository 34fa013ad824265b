import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { Course, courseError } from '@enplan/core/courses';
import { dialogueSeries, renderProgressionChart, type DialogueMeasurement, type DialogueSeries, type LocalisedText, type RespondentType } from '@enplan/core/progression-instruments';
import { InstrumentRegistry } from './instrument-registry.service.js';
import { completedMeasurements } from './measurements.service.js';
import type { Measurement } from './measurement.entity.js';
import type { ProgressionSeriesQuery } from './progression.dto.js';

export interface DialogueSeriesView extends DialogueSeries {
  instrumentId: string;
  title: LocalisedText;
  respondentType: RespondentType;
  aboutCitizenId: string;
  measurements: { id: string; occasion: string; completedAt: string; instrumentVersion: number; comment: string | null }[];
}

export interface DialogueView {
  courseId: string;
  series: DialogueSeriesView[];
}

const toDialogue = (m: Measurement): DialogueMeasurement => ({
  id: m.id,
  occasion: m.occasion,
  completedAt: (m.completedAt as Date).toISOString(),
  instrumentVersion: m.instrumentVersion,
  answers: m.answers,
  scores: m.scores ?? [],
  comment: m.comment,
});

/**
 * The dialogue view of one course ("where are you compared to last time?"): per instrument, respondent and
 * person, the completed measurements side by side, and the same as an SVG chart.
 */
@Injectable()
export class DialogueService {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: InstrumentRegistry,
  ) {}

  async view(p: Principal, courseId: string, q: ProgressionSeriesQuery = {}): Promise<DialogueView> {
    const course = await this.ds.manager.findOne(Course, { where: { id: courseId, municipalityId: p.municipalityId }, select: { id: true } });
    if (!course) throw courseError.notFound();
    const rows = (await completedMeasurements(this.ds.manager, p.municipalityId, [courseId])).filter(
      (m) => (!q.instrumentId || m.instrumentId === q.instrumentId) && (!q.respondentType || m.respondentType === q.respondentType) && (!q.aboutCitizenId || m.aboutCitizenId === q.aboutCitizenId),
    );
    const groups = new Map<string, Measurement[]>();
    for (const m of rows) {
      const key = `${m.instrumentId}|${m.respondentType}|${m.aboutCitizenId}`;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const series: DialogueSeriesView[] = [];
    for (const ms of groups.values()) {
      const first = ms[0];
      const def = await this.registry.get(p.municipalityId, first.instrumentId, Math.max(...ms.map((m) => m.instrumentVersion)));
      const measurements = ms.map(toDialogue);
      series.push({
        instrumentId: def.id,
        title: def.title,
        respondentType: first.respondentType,
        aboutCitizenId: first.aboutCitizenId,
        measurements: measurements.map(({ id, occasion, completedAt, instrumentVersion, comment }) => ({ id, occasion, completedAt, instrumentVersion, comment })),
        ...dialogueSeries(def, measurements),
      });
    }
    return { courseId, series };
  }

  /** The first matching series as SVG (an empty chart when nothing is measured yet). */
  async chart(p: Principal, courseId: string, q: ProgressionSeriesQuery): Promise<string> {
    const view = await this.view(p, courseId, q);
    const s = view.series[0];
    const instrumentId = s?.instrumentId ?? q.instrumentId ?? 'employment-readiness';
    const def = await this.registry.get(p.municipalityId, instrumentId, s ? Math.max(...s.measurements.map((m) => m.instrumentVersion)) : undefined);
    const rows = s ? (await completedMeasurements(this.ds.manager, p.municipalityId, [courseId])).filter((m) => s.measurements.some((x) => x.id === m.id)).map(toDialogue) : [];
    return renderProgressionChart(def, rows, s ?? { items: [], scores: [] });
  }
}
