// The provider of `codearena replay`, which runs from recorded answers with no API key.
import type { Provider } from '../messages.ts';
import { ProviderFailure } from '../retry.ts';

/** The loop never calls a provider in replay (it ends the phase where the record ends), so a
 *  call is a bug: it fails at once, without retries, and says so. */
export const offlineProvider: Provider = {
  complete: () =>
    Promise.reject(
      new ProviderFailure('provider switched off (replay): only recorded answers may be used, and they ran out', false),
    ),
};
