import { useQuery } from '@tanstack/react-query';
import { api, ok } from './api/client.js';

/** What the deployment reports: the municipality, models, meeting types, roles and enabled plugins. */
export function useDeployment() {
  return useQuery({ queryKey: ['deployment'], queryFn: () => ok(api.GET('/api/v1/deployment')) });
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/v1/me')) });
}

export function useCourse(id: string) {
  return useQuery({ queryKey: ['course', id], queryFn: () => ok(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })) });
}

/** The current plan, or null before the first version (404 plan.not-published). */
export function usePlan(courseId: string) {
  return useQuery({
    queryKey: ['plan', courseId],
    queryFn: async () => {
      const r = await api.GET('/api/v1/courses/{courseId}/plan', { params: { path: { courseId } } });
      if (r.response.status === 404) return null;
      return ok(Promise.resolve(r));
    },
  });
}
