import { rulesToAST, rulesToCondition } from '@casl/ability/extra';
import { Brackets, ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { Action, AppAbility, SubjectName } from './core';

/** One node of CASL's condition tree (`@casl/ability/extra` rulesToAST). */
interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

let parameterCounter = 0;

class UntranslatableRuleError extends Error {}

/**
 * Narrows a query to the rows `ability` allows for (action, subject): the same rules as
 * `ability.can`, translated to SQL. Applied with `andWhere`, never `where`, and the caller's
 * conditions are bracketed first so an `OR` in them cannot widen the result. Fails closed: no rule
 * means `1=0`, and an operator, field or value the translator does not know throws (before the
 * query is touched) instead of widening.
 *
 * Semantics follow the app's CASL matcher (ability.ts): a missing value (NULL) equals only null and
 * is neither less nor greater than anything; on an array column a condition holds when any element
 * satisfies it. Callers must not add `orWhere` after this. With `fields`, only the rows of which
 * every one of those fields is allowed (`ability.can(action, row, field)` for each), e.g. rows
 * readable beyond a name view, or (D-08) the rows a filter or an order on those fields may look at.
 */
export function whereAllowed<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  alias: string = qb.alias,
  fields?: string | readonly string[],
): SelectQueryBuilder<T> {
  const ast = allowedAst(ability, action, subject, fields === undefined ? [] : [fields].flat());
  if (ast === null) return andWhereIsolated(qb, '1=0', {});
  const metadata = qb.expressionMap.aliases.find((a) => a.name === alias)?.metadata;
  if (!metadata) throw new UntranslatableRuleError(`No entity metadata for alias ${alias}`);

  const column = (field: string) => {
    // Own columns only: a relation property (e.g. `parent`) is not on the in-memory row.
    const col = metadata.columns.find((c) => c.propertyPath === field);
    if (!col) throw new UntranslatableRuleError(`${subject}.${field} is not a column`);
    return {
      sql: `${qb.escape(alias)}.${qb.escape(col.databaseName)}`,
      isArray: col.isArray,
      elementType: pgElementType(col.type, `${subject}.${field}`),
    };
  };

  const parameters: Record<string, unknown> = {};
  const param = (value: unknown) => {
    const name = `authz_${(parameterCounter = (parameterCounter + 1) % 1_000_000_000)}`;
    parameters[name] = value;
    return `:${name}`;
  };
  const scalar = (value: unknown): unknown => {
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      throw new UntranslatableRuleError('A condition value must be a scalar');
    }
    return value;
  };
  const list = (value: unknown) => {
    if (!Array.isArray(value)) throw new UntranslatableRuleError('$in/$nin need an array');
    const values = value.map(scalar);
    return { values: values.filter((v) => v !== null), hasNull: values.includes(null) };
  };

  const toSql = (node: AstNode): string => {
    switch (node.operator) {
      case 'and': {
        const parts = (node.value as AstNode[]).map(toSql);
        return parts.length === 0 ? '1=1' : `(${parts.join(' AND ')})`;
      }
      case 'or': {
        const parts = (node.value as AstNode[]).map(toSql);
        return parts.length === 0 ? '1=0' : `(${parts.join(' OR ')})`;
      }
      case 'not': {
        const inner = node.value as AstNode[] | AstNode;
        const parts = (Array.isArray(inner) ? inner : [inner]).map(toSql);
        return not(parts.join(' AND '));
      }
    }
    if (!node.field) throw new UntranslatableRuleError(`Unsupported operator ${node.operator}`);
    const col = column(node.field);
    const type = col.elementType;

    if (col.isArray) {
      // Mongo semantics on an array field: a value matches when any element matches. `@>` differs
      // from `v = ANY(col)` only where that is NULL (a NULL element) and `@>` false, which `not`'s
      // COALESCE and WHERE treat alike.
      const contains = (v: unknown) =>
        v === null
          ? `(${col.sql} IS NULL OR array_position(${col.sql}, NULL) IS NOT NULL)`
          : `(${col.sql} @> ARRAY[${param(v)}::${type}])`;
      const overlaps = (v: unknown) => {
        const { values, hasNull } = list(v);
        const some = `(${col.sql} && ${param(values)}::${type}[])`;
        return hasNull ? `(${some} OR ${contains(null)})` : some;
      };
      switch (node.operator) {
        case 'eq':
          return contains(scalar(node.value));
        case 'ne':
          return not(contains(scalar(node.value)));
        case 'in':
          return overlaps(node.value);
        case 'nin':
          return not(overlaps(node.value));
      }
      throw new UntranslatableRuleError(`Operator ${node.operator} on array field ${node.field}`);
    }

    // Integers compare as numeric, so a fractional bound is neither rounded nor refused.
    const valueType = INTEGER_TYPES.has(type) ? 'numeric' : type;
    const typed = (v: unknown) => (INTEGER_TYPES.has(type) ? `${param(v)}::numeric` : param(v));
    const equals = (v: unknown) => (v === null ? `(${col.sql} IS NULL)` : `(${col.sql} = ${typed(v)})`);
    const within = (v: unknown) => {
      const { values, hasNull } = list(v);
      const some = `(${col.sql} = ANY(${param(values)}::${valueType}[]))`;
      return hasNull ? `(${some} OR ${col.sql} IS NULL)` : some;
    };
    // Order comparisons on text by code point, as JavaScript does, whatever the database collation.
    const ordered = (op: string) => {
      const v = scalar(node.value);
      const collate = type === 'text' ? ' COLLATE "C"' : '';
      return `(${col.sql}${collate} ${op} ${v === null ? 'NULL' : typed(v)})`;
    };
    switch (node.operator) {
      case 'eq':
        return equals(scalar(node.value));
      case 'ne':
        return not(equals(scalar(node.value)));
      case 'in':
        return within(node.value);
      case 'nin':
        return not(within(node.value));
      case 'lt':
        return ordered('<');
      case 'lte':
        return ordered('<=');
      case 'gt':
        return ordered('>');
      case 'gte':
        return ordered('>=');
    }
    throw new UntranslatableRuleError(`Unsupported operator ${node.operator}`);
  };

  const sql = toSql(ast);
  return andWhereIsolated(qb, sql, parameters);
}

/**
 * The condition tree of the rows allowed for (action, subject) and each of `fields`. A field whose
 * rules are the row's adds nothing; otherwise the row's own tree is left out, because the rules
 * of a field imply it (CASL's `rulesFor(…, field)` has every forbidding rule of the row and only
 * allowing rules of the row), and one redundant OR of the same scopes is enough to lead the planner
 * to a bitmap over the whole scope instead of the index in list order. Identical branches (two
 * roles granting the same scope) are written once, for the same reason. Null: nothing is allowed.
 */
function allowedAst(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  fields: readonly string[],
): AstNode | null {
  const restricted = restrictedFields(ability, action, subject, fields);
  const trees =
    restricted.length === 0
      ? [rulesToAST(ability, action, subject) as AstNode | null]
      : restricted.map((field) => fieldAst(ability, action, subject, field));
  if (trees.some((tree) => tree === null)) return null;
  return distinct({ operator: 'and', value: trees });
}

/** The fields whose rules are not exactly the row's (the same rule objects in the same order). */
function restrictedFields(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  fields: Iterable<string>,
): string[] {
  const rowRules = ability.rulesFor(action, subject);
  return [...new Set(fields)].filter((field) => {
    const rules = ability.rulesFor(action, subject, field);
    return rules.length !== rowRules.length || rules.some((rule, n) => rule !== rowRules[n]);
  });
}

/** The tree with repeated branches of every AND and OR written once (and single branches unwrapped). */
function distinct(node: AstNode): AstNode {
  if (node.operator !== 'and' && node.operator !== 'or') return node;
  const seen = new Map<string, AstNode>();
  for (const child of (node.value as AstNode[]).map(distinct)) seen.set(JSON.stringify(child), child);
  const value = [...seen.values()];
  return value.length === 1 ? value[0] : { operator: node.operator, value };
}

/** `rulesToAST` over the rules that allow `field` (CASL's own rule flattening, as rulesToAST does). */
function fieldAst(ability: AppAbility, action: Action, subject: SubjectName, field: string): AstNode | null {
  return rulesToCondition<AppAbility, AstNode, AstNode>(
    ability.rulesFor(action, subject, field),
    (rule) => {
      const ast = rule.ast as AstNode | undefined;
      if (!ast) throw new UntranslatableRuleError('A rule without conditions AST');
      return rule.inverted ? { operator: 'not', value: [ast] } : ast;
    },
    {
      and: (value) => ({ operator: 'and', value }),
      or: (value) => ({ operator: 'or', value }),
      empty: () => ({ operator: 'and', value: [] }),
    },
  );
}

const INTEGER_TYPES = new Set(['int', 'smallint', 'bigint']);

/** A NULL inside must not make NOT(…) NULL: CASL treats a missing value as a mismatch. */
const not = (sql: string) => `(NOT COALESCE((${sql}), false))`;

/** Brackets the caller's conditions (so `a OR b` stays one term), then ANDs ours. */
function andWhereIsolated<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sql: string,
  parameters: Record<string, unknown>,
): SelectQueryBuilder<T> {
  const existing = qb.expressionMap.wheres;
  if (existing.length > 0) {
    qb.expressionMap.wheres = [{ type: 'simple', condition: { operator: 'brackets', condition: existing } }];
  }
  qb.setParameters(parameters);
  return qb.andWhere(new Brackets((where: WhereExpressionBuilder) => where.where(sql)));
}

function pgElementType(type: unknown, field: string): string {
  const name =
    typeof type === 'string' ? type.toLowerCase() : typeof type === 'function' ? type.name.toLowerCase() : '';
  switch (name) {
    case 'uuid':
      return 'uuid';
    case 'varchar':
    case 'character varying':
    case 'text':
    case 'char':
    case 'character':
    case 'string':
      return 'text';
    case 'int':
    case 'int4':
    case 'integer':
    case 'number':
      return 'int';
    case 'smallint':
    case 'int2':
      return 'smallint';
    case 'bigint':
    case 'int8':
      return 'bigint';
    case 'boolean':
    case 'bool':
      return 'boolean';
    case 'date':
      return 'date';
    case 'timestamptz':
    case 'timestamp with time zone':
      return 'timestamptz';
  }
  // json, numeric, … : no rule may compare them until their semantics are written down here.
  throw new UntranslatableRuleError(`${field}: column type ${name || String(type)} is not translatable`);
}
