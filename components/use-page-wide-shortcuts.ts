"use client";

import { useSyncExternalStore } from "react";

const STORAGE_KEY = "waymark:page-wide-shortcuts";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== "off";
  } catch {
    return true;
  }
}

/**
 * Whether j, k and ? act anywhere on the page or only on a focused milestone. Single-character
 * shortcuts that act page-wide must be possible to turn off (WCAG 2.1.4): speech input users
 * trigger them by saying words. Kept per browser, like the theme, as it is about the device.
 */
export function usePageWideShortcuts(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => true);
  const set = (value: boolean) => {
    try {
      localStorage.setItem(STORAGE_KEY, value ? "on" : "off");
    } catch {
      // Storage refused (private mode, quota): the choice lasts until the page is left.
    }
    listeners.forEach((listener) => listener());
  };
  return [on, set];
}
