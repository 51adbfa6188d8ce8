package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;

/**
 * Read-only actions that tools call on any endpoint (Terraform reads DescribeContinuousBackups for every
 * table, the console and CDK read DescribeLimits), answered in DynamoDB's shapes.
 */
final class ReadOnlyDescriptions {
    private ReadOnlyDescriptions() {}

    /** DynamoDB's default quotas for an account in a region. */
    static Operation limits() {
        return request -> Json.object()
                .put("AccountMaxReadCapacityUnits", 80000).put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000).put("TableMaxWriteCapacityUnits", 40000);
    }

    /** Backups are always on in DynamoDB; point-in-time recovery is off until asked for, which this endpoint does not offer. */
    static Operation continuousBackups(Engine engine) {
        return request -> {
            String name = RequestSupport.tableName(request);
            return engine.db.read(() -> {
                if (engine.db.table(name) == null)
                    throw new ApiException("com.amazonaws.dynamodb.v20120810#TableNotFoundException", "Table not found: " + name);
                ObjectNode r = Json.object();
                ObjectNode d = r.putObject("ContinuousBackupsDescription");
                d.put("ContinuousBackupsStatus", "ENABLED");
                d.putObject("PointInTimeRecoveryDescription").put("PointInTimeRecoveryStatus", "DISABLED");
                return r;
            });
        };
    }
}
