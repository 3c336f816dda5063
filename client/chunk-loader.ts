// Loads a part of the app as its own chunk when it is first needed, and hands back the module once it is
// there. Not React.lazy: a Suspense boundary holds new content back for React's fallback reveal throttle
// (about 300 ms), which the shopper would feel on every Pay press.
import { useEffect, useState } from 'react';

export interface ChunkLoader<Module> {
  /** Starts (or reuses) the chunk download; call it as early as the need is known. */
  load: () => Promise<Module>;
  /** The module once its chunk has loaded (at once if it already has), else undefined. */
  useChunk: (wanted: boolean) => Module | undefined;
}

export function chunkLoader<Module>(importChunk: () => Promise<Module>): ChunkLoader<Module> {
  let loaded: Module | undefined;
  const load = () => importChunk().then((module) => (loaded = module));

  function useChunk(wanted: boolean): Module | undefined {
    const [module, setModule] = useState(loaded);
    useEffect(() => {
      if (!wanted || module) return;
      let current = true;
      void load().then((m) => {
        if (current) setModule(m);
      });
      return () => {
        current = false;
      };
    }, [wanted, module]);
    return module ?? loaded;
  }

  return { load, useChunk };
}
