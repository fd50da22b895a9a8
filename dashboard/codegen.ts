import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for every operation and fragment the dashboard sends (graphql-codegen's client preset),
 * generated from the checked-in supergraph (`npm run codegen -w @pantau/dashboard`) into
 * src/graphql/generated/. The documents are .graphql files: the operations in
 * src/graphql/operations.graphql, each fragment beside the component that renders it (e.g.
 * components/StaffReportListPanel.graphql holds ReportRow). Every document becomes a
 * TypedDocumentNode<Result, Variables> (operations.ts gives them their constant names), so
 * `usePanelQuery` / `useQuery` infer result and variables at every call site; enums are unions and
 * inputs the schema's input types. gateway/src/__tests__/dashboard-codegen.test.ts fails when a
 * document is invalid against the supergraph or the output is stale.
 *
 * Why the client preset (not gql.tada): it is part of the codegen CLI the project already used, needs
 * no editor plugin or second schema artefact, and .graphql documents compile to plain AST constants:
 * nothing parses at run time, only the documents the code imports are bundled (the preset's
 * `graphql()` lookup map, which would ship every source text twice, is not used), and the gateway's plan
 * warm-up reads the same generated documents.
 */
const config: CodegenConfig = {
  schema: '../gateway/supergraph.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        enumsAsTypes: true,
        onlyOperationTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', ID: 'string' },
        useTypeImports: true,
      },
    },
  },
};
export default config;
