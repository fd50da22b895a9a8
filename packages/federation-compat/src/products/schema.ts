import 'reflect-metadata';
import { buildFederatedSchema } from '@pantau/common';
import { DirectiveLocation, GraphQLDirective, GraphQLError, type GraphQLSchema } from 'graphql';
import { Arg, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { deprecatedProduct, findProduct, inventories, productResearch, user, type ProductRef, type UserRef } from './data';

/**
 * The "products" subgraph of Apollo's compatibility suite (its products.graphql), written the way the Pantau
 * services write theirs: type-graphql classes with federation directives, built by buildFederatedSchema. The
 * federation @link (version and imports) is chosen by the helper from the directives applied here; the
 * custom directive's @link and @composeDirective are passed as options.
 */

@ObjectType()
class ProductVariation {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@shareable')
class ProductDimension {
  @Field(() => String, { nullable: true })
  size?: string;

  @Field(() => Float, { nullable: true })
  weight?: number;

  @Field(() => String, { nullable: true })
  @Directive('@inaccessible')
  unit?: string;
}

@ObjectType()
class CaseStudy {
  @Field(() => ID)
  caseNumber!: string;

  @Field(() => String, { nullable: true })
  description?: string;
}

@ObjectType()
@Directive('@key(fields: "study { caseNumber }")')
class ProductResearch {
  @Field(() => CaseStudy)
  study!: CaseStudy;

  @Field(() => String, { nullable: true })
  outcome?: string | null;
}

/** `extend type User` in the suite's schema: type-graphql prints no type extensions, `@extends` says the same. */
@ObjectType()
@Directive('@extends')
@Directive('@key(fields: "email")')
class User {
  @Field(() => Int, { nullable: true })
  @Directive('@requires(fields: "totalProductsCreated yearsOfEmployment")')
  averageProductsCreatedPerYear?: number | null;

  @Field(() => ID)
  @Directive('@external')
  email!: string;

  @Field(() => String, { nullable: true })
  @Directive('@override(from: "users")')
  name?: string;

  @Field(() => Int, { nullable: true })
  @Directive('@external')
  totalProductsCreated?: number | null;

  @Field(() => Int)
  @Directive('@external')
  yearsOfEmployment!: number;
}

@ObjectType()
@Directive('@custom')
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku package")')
@Directive('@key(fields: "sku variation { id }")')
class Product {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  sku?: string;

  @Field(() => String, { nullable: true })
  package?: string;

  @Field(() => ProductVariation, { nullable: true })
  variation?: ProductVariation;

  @Field(() => ProductDimension, { nullable: true })
  dimensions?: ProductDimension;

  @Field(() => User, { nullable: true })
  @Directive('@provides(fields: "totalProductsCreated")')
  createdBy?: User;

  @Field(() => String, { nullable: true })
  @Directive('@tag(name: "internal")')
  notes?: string | null;

  @Field(() => [ProductResearch])
  research!: ProductResearch[];
}

@ObjectType()
@Directive('@key(fields: "sku package")')
class DeprecatedProduct {
  @Field(() => String)
  sku!: string;

  @Field(() => String)
  package!: string;

  @Field(() => String, { nullable: true })
  reason?: string;

  @Field(() => User, { nullable: true })
  createdBy?: User;
}

@ObjectType()
@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
class Inventory {
  @Field(() => ID)
  id!: string;

  @Field(() => [DeprecatedProduct])
  deprecatedProducts!: DeprecatedProduct[];
}

@Resolver()
class ProductQueries {
  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string) {
    return findProduct({ id }) ?? null;
  }

  @Query(() => DeprecatedProduct, { nullable: true, deprecationReason: 'Use product query instead' })
  deprecatedProduct(@Arg('sku', () => String) sku: string, @Arg('package', () => String) pkg: string) {
    return sku === deprecatedProduct.sku && pkg === deprecatedProduct.package ? deprecatedProduct : null;
  }
}

@Resolver(() => User)
class UserFields {
  /** @requires: totalProductsCreated and yearsOfEmployment arrive in the representation (from users). */
  @FieldResolver(() => Int, { nullable: true })
  averageProductsCreatedPerYear(@Root() u: UserRef) {
    if (u.email !== user.email) throw new GraphQLError(`user.email was not '${user.email}'`);
    if (typeof u.totalProductsCreated !== 'number' || typeof u.yearsOfEmployment !== 'number') return null;
    return Math.round(u.totalProductsCreated / u.yearsOfEmployment);
  }

  /** @override(from: "users"): this subgraph answers the name now. */
  @FieldResolver(() => String, { nullable: true })
  name() {
    return user.name;
  }
}

export const customDirective = new GraphQLDirective({ name: 'custom', locations: [DirectiveLocation.OBJECT] });

export function buildProductsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [ProductQueries, UserFields], orphanedTypes: [Inventory, ProductResearch], directives: [customDirective] },
    {
      Product: { __resolveReference: (ref: ProductRef) => findProduct(ref) ?? null },
      DeprecatedProduct: {
        __resolveReference: (ref: { sku: string; package: string }) =>
          ref.sku === deprecatedProduct.sku && ref.package === deprecatedProduct.package ? deprecatedProduct : null,
      },
      ProductResearch: {
        __resolveReference: (ref: { study: { caseNumber: string } }) =>
          productResearch.find((r) => r.study.caseNumber === ref.study?.caseNumber) ?? null,
      },
      User: {
        __resolveReference: (ref: UserRef) =>
          ref.email === user.email ? { ...user, ...definedOnly({ totalProductsCreated: ref.totalProductsCreated, yearsOfEmployment: ref.yearsOfEmployment }) } : null,
      },
      Inventory: { __resolveReference: (ref: { id: string }) => inventories.find((i) => i.id === ref.id) ?? null },
    },
    {
      links: [{ url: 'https://myspecs.dev/myCustomDirective/v1.0', import: ['@custom'] }],
      composeDirectives: ['@custom'],
    },
  );
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

