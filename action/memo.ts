/**
 * The one way this code remembers work: the value stored under a key, made and stored first
 * when there is none. Caches keyed by text, document or record index all go through it.
 */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

export function getOrMake<K, V>(store: Store<K, V>, key: K, make: (key: K) => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make(key);
    store.set(key, value);
  }
  return value;
}
