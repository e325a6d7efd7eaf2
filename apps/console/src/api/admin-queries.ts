import { useQuery } from '@tanstack/react-query';
import { getCalendar, getCalendarYear, getStatistics } from './admin';
import { useApi } from './use-api';

export const adminKeys = {
  calendar: ['calendar'] as const,
  calendarYear: (year: number) => ['calendar', year] as const,
  statistics: (year: number) => ['statistics', year] as const,
  directoryUsers: ['directory-users'] as const,
  quota: (year: number, collegeId: string) => ['quota', year, collegeId] as const,
};

export function useCalendar() {
  const api = useApi();
  return useQuery({ queryKey: adminKeys.calendar, queryFn: () => getCalendar(api) });
}

export function useCalendarYear(year: number | null) {
  const api = useApi();
  return useQuery({
    queryKey: adminKeys.calendarYear(year ?? 0),
    queryFn: () => getCalendarYear(api, year ?? 0),
    enabled: year !== null,
  });
}

export function useStatistics(year: number) {
  const api = useApi();
  return useQuery({
    queryKey: adminKeys.statistics(year),
    queryFn: () => getStatistics(api, year),
  });
}

export function useDirectoryUsers() {
  const api = useApi();
  return useQuery({
    queryKey: adminKeys.directoryUsers,
    queryFn: () => api.directoryUsers(),
    staleTime: 60_000,
  });
}
