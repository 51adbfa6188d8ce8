// Momento's Node.js SDK against a Momento-compatible endpoint, as a second client of the
// embedded cache: run by EmbeddedCacheNodeSdkTest. Prints one JSON object with what it saw.
// Input (environment): CACHE_ENDPOINT host:port (plaintext), MOMENTO_API_KEY (the token),
// WRONG_API_KEY (a well-formed key the server must refuse), CACHE_NAME.
'use strict';
const {
  CacheClient, Configurations, CredentialProvider, CacheGet, CacheSet, CacheDictionaryFetch,
  CacheDictionarySetFields, CacheListConcatenateBack, CacheListFetch, CacheSortedSetFetch,
} = require('@gomomento/sdk');

function client(apiKey) {
  const endpoint = process.env.CACHE_ENDPOINT;
  return new CacheClient({
    configuration: Configurations.Laptop.v1(),
    credentialProvider: CredentialProvider.fromString({
      apiKey,
      endpointOverrides: {
        controlEndpoint: endpoint, cacheEndpoint: endpoint, tokenEndpoint: endpoint, secureConnection: false,
      },
    }),
    defaultTtlSeconds: 60,
  });
}

function outcome(response) {
  if (response instanceof Error || (response.errorCode && typeof response.errorCode === 'function')) {
    return {error: response.errorCode()};
  }
  return {type: response.type || response.constructor.name};
}

async function main() {
  const cache = process.env.CACHE_NAME;
  const seen = {};
  const right = client(process.env.MOMENTO_API_KEY);
  try {
    const set = await right.set(cache, 'node-key', 'from node');
    seen.set = set instanceof CacheSet.Success ? 'ok' : outcome(set);
    const get = await right.get(cache, 'node-key');
    seen.get = get instanceof CacheGet.Hit ? get.valueString() : outcome(get);
    const fields = await right.dictionarySetFields(cache, 'node-dictionary', {handle: 'andrewbrown', display: 'Andrew Brown'});
    seen.dictionarySetFields = fields instanceof CacheDictionarySetFields.Success ? 'ok' : outcome(fields);
    const fetched = await right.dictionaryFetch(cache, 'node-dictionary');
    seen.dictionaryFetch = fetched instanceof CacheDictionaryFetch.Hit ? fetched.valueRecord() : outcome(fetched);
    const pushed = await right.listConcatenateBack(cache, 'node-list', ['a', 'b', 'c']);
    seen.listConcatenateBack = pushed instanceof CacheListConcatenateBack.Success ? pushed.listLength() : outcome(pushed);
    const listed = await right.listFetch(cache, 'node-list', {startIndex: 1});
    seen.listFetch = listed instanceof CacheListFetch.Hit ? listed.valueList() : outcome(listed);
    await right.sortedSetPutElements(cache, 'node-sorted', {bayko: 3, brown: 1});
    const sorted = await right.sortedSetFetchByRank(cache, 'node-sorted');
    seen.sortedSetFetchByRank = sorted instanceof CacheSortedSetFetch.Hit
      ? sorted.valueArray().map(e => `${e.value}:${e.score}`) : outcome(sorted);
  } finally {
    right.close();
  }
  const wrong = client(process.env.WRONG_API_KEY);
  try {
    seen.wrongKeyGet = outcome(await wrong.get(cache, 'node-key'));
  } finally {
    wrong.close();
  }
  process.stdout.write(JSON.stringify(seen) + '\n');
}

main().then(() => process.exit(0), e => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
