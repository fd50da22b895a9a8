import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { SUPERGRAPH_PATH } from '../subgraphs';

/**
 * Issue 12 (Readability): every public schema element a developer sees in the playground has a
 * description. Checks the supergraph's API schema (what the gateway serves: federation internals such as
 * _entities/_service/join__/link__ are already gone), leaving out introspection types and the built-in
 * scalars (graphql-js describes those). Fix a failure by adding `description:` to the type-graphql
 * decorator in the owning subgraph, then `npm run compose`.
 */
export function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (d: string | null | undefined) => !d || !d.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || type.name.startsWith('__')) continue;
    if (blank(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (blank(arg.description)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`input field ${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
      }
    }
  }
  return missing.sort();
}

describe('public API schema descriptions', () => {
  const api = Supergraph.build(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();

  it('leaves federation internals out of what it checks', () => {
    const names = Object.keys(api.getTypeMap());
    expect(names.filter((n) => n.startsWith('join__') || n.startsWith('link__'))).toEqual([]);
    expect(Object.keys(api.getQueryType()!.getFields())).not.toEqual(expect.arrayContaining(['_entities', '_service']));
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing = undescribedElements(api);
    if (missing.length) {
      throw new Error(`${missing.length} public schema elements have no description:\n${missing.join('\n')}`);
    }
  });
});
