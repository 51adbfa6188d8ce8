package dev.cruddur.admin.app.browse;

/** How the text a person typed as a value is meant: a string, a number, a boolean, null, or a DynamoDB JSON value. */
public enum ValueType {
    S, N, BOOL, NULL, DYNAMODB_JSON
}
