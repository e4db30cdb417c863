// Messages a host sends on its own (a fallback taken, a limit reached), shown by the pane as notices.
export interface NoticeChannel {
  emit(message: string): void;
  subscribe(listener: (message: string) => void): () => void;
}

export function createNoticeChannel(): NoticeChannel {
  const listeners = new Set<(message: string) => void>();
  const early: string[] = [];
  return {
    emit(message) {
      if (listeners.size === 0) early.push(message); // before the pane is mounted
      for (const l of listeners) l(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      for (const m of early.splice(0)) listener(m);
      return () => listeners.delete(listener);
    },
  };
}
