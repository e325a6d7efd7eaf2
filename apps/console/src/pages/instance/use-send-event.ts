import type { EventRequest } from '@certflow/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/use-api';

/**
 * Sends an event conditional on the version the person saw (`If-Match`): if someone acted in
 * between, the server answers VERSION_CONFLICT and nothing happens.
 */
export function useSendEvent(instanceId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { event: EventRequest; version: number; idempotencyKey: string }) =>
      api.sendEvent(instanceId, args.event, {
        ifMatch: args.version,
        idempotencyKey: args.idempotencyKey,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
    },
  });
}
