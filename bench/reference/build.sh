#!/bin/sh
# Builds bench/reference/target/ref.war (reference servlets for measuring; never part of the product).
set -e
cd "$(dirname "$0")"
rm -rf target && mkdir -p target/classes/WEB-INF/classes
javac --release 17 -cp ~/.m2/repository/jakarta/servlet/jakarta.servlet-api/6.0.0/jakarta.servlet-api-6.0.0.jar \
  -d target/classes/WEB-INF/classes src/bench/*.java
(cd target/classes && jar cf ../ref.war .)
echo target/ref.war
