// The changes tried by the search, as a journal: undoing a branch restores exactly what it changed,
// consequences recomputed twice included.
import type { Board } from "./board";

export interface Change {
  key: number;
  value: number;
  /** Chosen by the search (false: a derived cell recomputed as a consequence). */
  chosen: boolean;
  /** Index of the change this one replaces (a consequence recomputed again): restored on undo. */
  replaces?: number;
}

export class Journal {
  readonly changes: Change[] = [];
  private readonly changedAt = new Map<number, number>(); // key → index of its live change

  constructor(private readonly board: Board) {}

  get length(): number {
    return this.changes.length;
  }

  apply(key: number, v: number, chosen: boolean): void {
    const replaces = this.changedAt.get(key);
    this.changedAt.set(key, this.changes.length);
    this.changes.push({ key, value: v, chosen, replaces });
    this.board.setValue(key, v);
  }

  undoTo(n: number): void {
    while (this.changes.length > n) {
      const c = this.changes.pop()!;
      if (c.replaces === undefined) {
        this.changedAt.delete(c.key);
        this.board.restore(c.key);
      } else {
        this.changedAt.set(c.key, c.replaces);
        this.board.setValue(c.key, this.changes[c.replaces].value);
      }
    }
  }

  /** The changes in force (the last of each cell). */
  live(): Change[] {
    return this.changes.filter((c, i) => this.changedAt.get(c.key) === i);
  }

  /** The cell is changed. */
  has(key: number): boolean {
    return this.changedAt.has(key);
  }

  /** The cell's change in force was chosen by the search. */
  chosen(key: number): boolean {
    const at = this.changedAt.get(key);
    return at !== undefined && this.changes[at].chosen;
  }

  /** Forgets the changes, keeping their values on the board (a solution committed). */
  clear(): void {
    this.changes.length = 0;
    this.changedAt.clear();
  }
}
