/**
 * schema.ts (SQLite) and schema-pg.ts (PostgreSQL) describe one database: the same tables,
 * columns, keys and indexes. Types differ by design (integer vs bigint, text vs jsonb).
 */
import { type PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { type SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqlite from '../../../src/db/schema.js';
import * as pg from '../../../src/db/schema-pg.js';

/** A primary key's "default" (SQLite's rowid, PostgreSQL's identity) is not compared. */
type Shape = {
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
};

interface ConfigLike {
  name: string;
  columns: Array<{ name: string; notNull: boolean; primary: boolean; hasDefault: boolean }>;
  indexes: Array<{
    config: { name?: string; unique?: boolean; where?: unknown; columns: unknown[] };
  }>;
  foreignKeys: Array<{
    reference(): {
      columns: Array<{ name: string }>;
      foreignTable: unknown;
      foreignColumns: Array<{ name: string }>;
    };
  }>;
}

const columnName = (c: unknown) =>
  typeof c === 'object' && c !== null && 'name' in c ? String(c.name) : '?';

function shape(config: ConfigLike, tableName: (t: unknown) => string): Shape {
  return {
    columns: config.columns
      .map(
        (c) =>
          `${c.name}${c.notNull ? ' not null' : ''}${c.primary ? ' pk' : ''}${c.hasDefault && !c.primary ? ' default' : ''}`,
      )
      .sort(),
    indexes: config.indexes
      .map(
        ({ config: i }) =>
          `${i.name}${i.unique ? ' unique' : ''}(${i.columns.map(columnName).join(',')})${i.where ? ' partial' : ''}`,
      )
      .sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return `${r.columns.map((c) => c.name).join(',')} -> ${tableName(r.foreignTable)}(${r.foreignColumns.map((c) => c.name).join(',')})`;
      })
      .sort(),
  };
}

const isTable = (v: unknown, kind: 'pg' | 'sqlite'): boolean => {
  try {
    if (kind === 'pg') pgConfig(v as PgTable);
    else sqliteConfig(v as SQLiteTable);
    return typeof v === 'object' && v !== null && Symbol.for('drizzle:Name') in v;
  } catch {
    return false;
  }
};

function tables(kind: 'pg' | 'sqlite'): Map<string, Shape> {
  const module: Record<string, unknown> = kind === 'pg' ? pg : sqlite;
  const read = (t: unknown) =>
    (kind === 'pg'
      ? pgConfig(t as PgTable)
      : sqliteConfig(t as SQLiteTable)) as unknown as ConfigLike;
  const nameOf = (t: unknown) => read(t).name;
  const out = new Map<string, Shape>();
  for (const value of Object.values(module)) {
    if (!isTable(value, kind)) continue;
    const config = read(value);
    out.set(config.name, shape(config, nameOf));
  }
  return out;
}

describe('the SQLite and PostgreSQL schemas', () => {
  const lite = tables('sqlite');
  const post = tables('pg');

  it('have the same tables', () => {
    expect(lite.size).toBeGreaterThan(10);
    expect([...post.keys()].sort()).toEqual([...lite.keys()].sort());
  });

  for (const name of [...lite.keys()].sort()) {
    it(`have the same columns, keys and indexes in ${name}`, () => {
      expect(post.get(name)).toEqual(lite.get(name));
    });
  }
});
