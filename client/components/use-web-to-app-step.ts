// Loads the Web-to-App step (QR code, countdown, live status) as its own chunk, fetched when the shopper
// presses Pay, and hands back the component once it is there. Not React.lazy: a Suspense boundary would
// hold the QR back for React's fallback reveal throttle (about 300 ms) on every payment.
import { useEffect, useState } from 'react';
import type * as StepModule from './web-to-app-step';

type WebToAppStepModule = typeof StepModule;

let loaded: WebToAppStepModule | undefined;

/** Starts (or reuses) the chunk download; call it as early as the need is known. */
export function loadWebToAppStep(): Promise<WebToAppStepModule> {
  return import('./web-to-app-step').then((module) => (loaded = module));
}

/** The WebToAppStep component once its chunk has loaded (at once if it already has), else undefined. */
export function useWebToAppStep(wanted: boolean): WebToAppStepModule['WebToAppStep'] | undefined {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (!wanted || module) return;
    let current = true;
    void loadWebToAppStep().then((m) => {
      if (current) setModule(m);
    });
    return () => {
      current = false;
    };
  }, [wanted, module]);
  return module?.WebToAppStep;
}
