import type { CourseLocator } from '@enplan/core/auth';
import type { EntityManager } from 'typeorm';
import { Contact, FollowUp, Meeting, MeetingCourse } from './meeting.entity.js';
import { ProviderOrder } from './provider-order.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Course locators for the access declarations: which course(s) a meeting, contact, follow-up or provider
 * order belongs to, inside one municipality. Empty when the record does not exist there (the caller gets 404).
 */

/** A meeting's course; for a board meeting every course it reviews (the caller needs access to all). */
export const meetingCourses: CourseLocator = async (em: EntityManager, municipalityId: string, meetingId: string) => {
  if (!UUID.test(meetingId)) return [];
  const m = await em.findOne(Meeting, { where: { id: meetingId, municipalityId }, select: { id: true, courseId: true } });
  if (!m) return [];
  if (m.courseId) return [m.courseId];
  const rows = await em.find(MeetingCourse, { where: { meetingId: m.id, municipalityId }, select: { meetingId: true, courseId: true } });
  return [...new Set(rows.map((r) => r.courseId))].sort();
};

export const contactCourses: CourseLocator = async (em, municipalityId, contactId) => {
  if (!UUID.test(contactId)) return [];
  const c = await em.findOne(Contact, { where: { id: contactId, municipalityId }, select: { id: true, courseId: true } });
  return c ? [c.courseId] : [];
};

export const followUpCourses: CourseLocator = async (em, municipalityId, followUpId) => {
  if (!UUID.test(followUpId)) return [];
  const f = await em.findOne(FollowUp, { where: { id: followUpId, municipalityId }, select: { id: true, courseId: true } });
  return f ? [f.courseId] : [];
};

export const providerOrderCourses: CourseLocator = async (em, municipalityId, orderId) => {
  if (!UUID.test(orderId)) return [];
  const o = await em.findOne(ProviderOrder, { where: { id: orderId, municipalityId }, select: { id: true, courseId: true } });
  return o ? [o.courseId] : [];
};
