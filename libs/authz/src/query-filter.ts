import { rulesToAST } from '@casl/ability/extra';
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
 * `ability.can`, translated to SQL. Applied with `andWhere`, never `where`. Fails closed: no rule
 * means `1=0`, and an operator or field the translator does not know throws instead of widening.
 */
export function whereAllowed<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  alias: string = qb.alias,
): SelectQueryBuilder<T> {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (ast === null) return qb.andWhere('1=0');
  const metadata = qb.expressionMap.aliases.find((a) => a.name === alias)?.metadata;
  if (!metadata) throw new UntranslatableRuleError(`No entity metadata for alias ${alias}`);

  const column = (field: string) => {
    const col = metadata.findColumnWithPropertyPath(field);
    if (!col) throw new UntranslatableRuleError(`${subject}.${field} is not a column`);
    return {
      sql: `${qb.escape(alias)}.${qb.escape(col.databaseName)}`,
      isArray: col.isArray,
      type: col.type,
    };
  };

  const param = (value: unknown) => {
    const name = `authz_${(parameterCounter = (parameterCounter + 1) % 1_000_000_000)}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };
  const listParam = (value: unknown, castTo: string) => {
    if (!Array.isArray(value)) throw new UntranslatableRuleError('$in/$nin need an array');
    return `${param(value)}::${castTo}[]`;
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
        // A NULL inside must not make NOT(...) NULL (CASL treats a missing value as a mismatch).
        return `(NOT COALESCE((${parts.join(' AND ')}), false))`;
      }
    }
    if (!node.field) throw new UntranslatableRuleError(`Unsupported operator ${node.operator}`);
    const col = column(node.field);
    const elementType = pgElementType(col.type);
    const v = node.value;
    if (col.isArray) {
      // Mongo semantics on an array field: a value matches when any element matches.
      switch (node.operator) {
        case 'eq':
          return `(${param(v)}::${elementType} = ANY(${col.sql}))`;
        case 'ne':
          return `(NOT COALESCE(${param(v)}::${elementType} = ANY(${col.sql}), false))`;
        case 'in':
          return `(${col.sql} && ${listParam(v, elementType)})`;
        case 'nin':
          return `(NOT COALESCE(${col.sql} && ${listParam(v, elementType)}, false))`;
      }
      throw new UntranslatableRuleError(`Operator ${node.operator} on array field ${node.field}`);
    }
    switch (node.operator) {
      case 'eq':
        return v === null ? `(${col.sql} IS NULL)` : `(${col.sql} = ${param(v)})`;
      case 'ne':
        return v === null ? `(${col.sql} IS NOT NULL)` : `(${col.sql} IS DISTINCT FROM ${param(v)})`;
      case 'in':
        return `(${col.sql} = ANY(${listParam(v, elementType)}))`;
      case 'nin':
        return `(${col.sql} IS NULL OR NOT (${col.sql} = ANY(${listParam(v, elementType)})))`;
      case 'lt':
        return `(${col.sql} < ${param(v)})`;
      case 'lte':
        return `(${col.sql} <= ${param(v)})`;
      case 'gt':
        return `(${col.sql} > ${param(v)})`;
      case 'gte':
        return `(${col.sql} >= ${param(v)})`;
    }
    throw new UntranslatableRuleError(`Unsupported operator ${node.operator}`);
  };

  const sql = toSql(ast);
  return qb.andWhere(new Brackets((where: WhereExpressionBuilder) => where.where(sql)));
}

function pgElementType(type: unknown): string {
  const name =
    typeof type === 'string' ? type : typeof type === 'function' ? type.name.toLowerCase() : 'text';
  switch (name) {
    case 'uuid':
      return 'uuid';
    case 'int':
    case 'integer':
    case 'number':
      return 'int';
    case 'boolean':
    case 'bool':
      return 'boolean';
    case 'date':
      return 'date';
    case 'timestamptz':
    case 'timestamp with time zone':
      return 'timestamptz';
    default:
      return 'text';
  }
}
