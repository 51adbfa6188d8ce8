#!/usr/bin/env bash
# The AWS CLI (Debian's awscli, unmodified) against the embedded endpoint started by `serve`:
# a table with a GSI, puts, a query with expressions, a transaction, and the table's stream.
set -euo pipefail
cd "$(dirname "$0")/.."
AWS=/usr/bin/aws
[ -x "$AWS" ] || { echo "Debian's awscli is not installed" >&2; exit 1; }
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
java -jar target/cruddur-admin.jar serve --in-memory --no-demo --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do grep -q "Stop with Ctrl+C" "$log" && break; sleep 0.1; done
grep -q "Stop with Ctrl+C" "$log" || { cat "$log"; echo "serve did not start" >&2; exit 1; }
ddb() { "$AWS" dynamodb --endpoint-url "http://127.0.0.1:$port" --output json "$@"; }
streams() { "$AWS" dynamodbstreams --endpoint-url "http://127.0.0.1:$port" --output json "$@"; }
check() { if ! grep -q "$1" <<<"$2"; then echo "expected '$1' in: $2" >&2; exit 1; fi; }

ddb create-table --table-name cli-check \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S AttributeName=g,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
  --global-secondary-indexes 'IndexName=by-g,KeySchema=[{AttributeName=g,KeyType=HASH},{AttributeName=sk,KeyType=RANGE}],Projection={ProjectionType=ALL}' \
  --billing-mode PAY_PER_REQUEST --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES >/dev/null
check '"cli-check"' "$(ddb list-tables)"
for i in 1 2 3; do
  ddb put-item --table-name cli-check --item "{\"pk\":{\"S\":\"MSG#1\"},\"sk\":{\"S\":\"2026-11-25T08:0$i:00.000000+00:00\"},\"g\":{\"S\":\"one\"},\"n\":{\"N\":\"$i\"}}"
done
out=$(ddb query --table-name cli-check --key-condition-expression 'pk = :p AND sk BETWEEN :a AND :b' \
  --filter-expression 'n > :min' --expression-attribute-values '{":p":{"S":"MSG#1"},":a":{"S":"2026"},":b":{"S":"2027"},":min":{"N":"1"}}' \
  --no-scan-index-forward)
check '"Count": 2' "$out"
check '08:03:00' "$(echo "$out" | head -20)"
check '"Count": 3' "$(ddb query --table-name cli-check --index-name by-g --key-condition-expression 'g = :g' --expression-attribute-values '{":g":{"S":"one"}}')"
ddb transact-write-items --transact-items '[
  {"Put":{"TableName":"cli-check","Item":{"pk":{"S":"GRP#a"},"sk":{"S":"x"}},"ConditionExpression":"attribute_not_exists(pk)"}},
  {"Update":{"TableName":"cli-check","Key":{"pk":{"S":"MSG#1"},"sk":{"S":"2026-11-25T08:01:00.000000+00:00"}},"UpdateExpression":"SET n = n + :one","ExpressionAttributeValues":{":one":{"N":"10"}}}}]'
check '"N": "11"' "$(ddb get-item --table-name cli-check --key '{"pk":{"S":"MSG#1"},"sk":{"S":"2026-11-25T08:01:00.000000+00:00"}}')"
if ddb transact-write-items --transact-items '[{"Put":{"TableName":"cli-check","Item":{"pk":{"S":"GRP#a"},"sk":{"S":"x"}},"ConditionExpression":"attribute_not_exists(pk)"}}]' 2>"$log.err"; then
  echo "a failing condition must cancel the transaction" >&2; exit 1
fi
check "TransactionCanceledException" "$(cat "$log.err")"; rm -f "$log.err"
arn=$(ddb describe-table --table-name cli-check --query Table.LatestStreamArn --output text)
shard=$(streams describe-stream --stream-arn "$arn" --query 'StreamDescription.Shards[0].ShardId' --output text)
iterator=$(streams get-shard-iterator --stream-arn "$arn" --shard-id "$shard" --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)
records=$(streams get-records --shard-iterator "$iterator")
check '"eventName": "INSERT"' "$records"
check '"eventName": "MODIFY"' "$records"
echo "awscli against serve: table with GSI, puts, query with expressions, transaction, stream: all as expected"
