/** The simulator's tasks of one kind, by id. */
export class TaskMap<T extends { id: string }> {
  readonly #tasks = new Map<string, T>();

  add(task: T): void {
    this.#tasks.set(task.id, task);
  }

  get(id: string): T | undefined {
    return this.#tasks.get(id);
  }

  all(): IterableIterator<T> {
    return this.#tasks.values();
  }
}
