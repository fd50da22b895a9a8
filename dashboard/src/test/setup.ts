// jsdom lacks a few browser APIs that recharts and the layout use.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserverStub;
if (typeof window !== "undefined" && !window.matchMedia) {
  (window as any).matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  });
}
(globalThis as any).IS_REACT_ACT_ENVIRONMENT = true;
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
(globalThis as any).TextDecoder ??= NodeTextDecoder;
(globalThis as any).TextEncoder ??= NodeTextEncoder;
