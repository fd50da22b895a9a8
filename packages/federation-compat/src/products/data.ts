/**
 * The data set Apollo's compatibility suite expects from the products subgraph (COMPATIBILITY.md,
 * "Expected Data Sets"): fixed values, as in Apollo's own reference implementations.
 */
export const dimension = { size: 'small', weight: 1, unit: 'kg' };

export const user = { email: 'support@apollographql.com', name: 'Jane Smith', totalProductsCreated: 1337, yearsOfEmployment: 10 };

export const deprecatedProduct = {
  sku: 'apollo-federation-v1',
  package: '@apollo/federation-v1',
  reason: 'Migrate to Federation V2',
  createdBy: user,
};

export const productResearch = [
  { study: { caseNumber: '1234', description: 'Federation Study' }, outcome: null },
  { study: { caseNumber: '1235', description: 'Studio Study' }, outcome: null },
];

export const products = [
  {
    id: 'apollo-federation',
    sku: 'federation',
    package: '@apollo/federation',
    variation: { id: 'OSS' },
    dimensions: dimension,
    research: [productResearch[0]],
    createdBy: user,
    notes: null,
  },
  {
    id: 'apollo-studio',
    sku: 'studio',
    package: '',
    variation: { id: 'platform' },
    dimensions: dimension,
    research: [productResearch[1]],
    createdBy: user,
    notes: null,
  },
];

export const inventories = [{ id: 'apollo-oss', deprecatedProducts: [deprecatedProduct] }];

export interface ProductRef {
  id?: string;
  sku?: string;
  package?: string;
  variation?: { id?: string };
}

export interface UserRef {
  email?: string;
  totalProductsCreated?: number | null;
  yearsOfEmployment?: number | null;
}

/** A product by any of its three keys: id; sku + package; sku + variation { id }. */
export function findProduct(ref: ProductRef) {
  if (ref.id !== undefined) return products.find((p) => p.id === ref.id);
  if (ref.sku !== undefined && ref.package !== undefined) return products.find((p) => p.sku === ref.sku && p.package === ref.package);
  if (ref.sku !== undefined && ref.variation?.id !== undefined) return products.find((p) => p.sku === ref.sku && p.variation.id === ref.variation!.id);
  return undefined;
}
