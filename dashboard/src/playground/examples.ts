/** Saved example operations, opened as GraphiQL tabs (names from docs/api-contract.graphql). */
export interface ExampleOperation {
  query: string;
  variables?: string;
}

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    query: `# Counts by topic (analytics), the dashboard's first chart.
# Press the run button (or Ctrl+Enter).
query CountsByTopic($filter: AnalyticsFilter) {
  analyticsOverview(filter: $filter) {
    volume
    open
    overdue
    byTopic {
      topic
      count
    }
  }
  topics {
    code
    labelId
    labelEn
  }
}
`,
    variables: JSON.stringify({ filter: { regionCode: '64.02' } }, null, 2),
  },
  {
    query: `# Region hierarchy (Kemendagri codes): Muara Wis, Kutai Kartanegara.
query MuaraWis {
  region(code: "64.02.18") {
    code
    name
    level
    parent {
      name
    }
    ancestors {
      code
      name
    }
    children(first: 10) {
      totalCount
      edges {
        node {
          code
          name
        }
      }
    }
  }
}
`,
  },
  {
    query: `# A federated query across all three subgraphs (staff token required):
# reports -> the agency (registry) -> its performance (analytics).
query RecentReportsWithAgencyPerformance {
  reports(first: 5, orderBy: SUBMITTED_AT_DESC) {
    totalCount
    edges {
      node {
        trackingId
        title
        status
        submittedAt
        overdue
        agency {
          name
          performance {
            reportCount
            completionRate
            transparencyIndex
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# Maladministration breakdown (Ombudsman RI categories) and the agency leaderboard.
query Maladministration($filter: AnalyticsFilter) {
  maladministrationBreakdown(filter: $filter) {
    total
    slices {
      type
      count
      share
    }
  }
  agencyLeaderboard(filter: $filter, orderBy: TRANSPARENCY_INDEX, minReports: 10, first: 10) {
    rank
    agency {
      name
    }
    performance {
      reportCount
      transparencyIndex
      slaCompliance
    }
  }
}
`,
    variables: JSON.stringify({ filter: {} }, null, 2),
  },
  {
    query: `# Follow a report by its tracking ID (what a citizen's client does).
query Track($trackingId: String!) {
  reportByTrackingId(trackingId: $trackingId) {
    trackingId
    status
    submittedAt
    responseDueAt
    completedAt
  }
}
`,
    variables: JSON.stringify({ trackingId: 'ISI-NOMOR-PELACAKAN' }, null, 2),
  },
];
