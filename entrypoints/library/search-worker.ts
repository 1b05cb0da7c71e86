// The library's search index, off the page's thread (see utils/search/search-worker-protocol.ts).
import { RecordIndex } from '../../utils/search/record-index';
import { handleSearchRequest, type SearchRequest } from '../../utils/search/search-worker-protocol';

const index = new RecordIndex();
let queue = Promise.resolve();

self.onmessage = (e: MessageEvent<SearchRequest>) => {
  // In order, even though handling is asynchronous; one failed request must not stop the ones after it.
  queue = queue
    .then(async () => {
      const reply = await handleSearchRequest(index, e.data);
      if (reply) self.postMessage(reply);
    })
    .catch((error: unknown) => console.error('Précis search worker:', error));
};
