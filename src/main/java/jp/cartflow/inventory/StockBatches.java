package jp.cartflow.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.platform.errors.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INV-1: applies a checked stock batch in one transaction, sets stock by code, and keeps the answer under the
 * tool's batch id (a replay gets it again and changes nothing). INV-2: nothing here queues a mail or tells any
 * tool; the tool that sent the batch knows its stock already.
 */
@Service
class StockBatches {

    /** The answer and whether it is a replay of an earlier batch. */
    record Result(StockAnswer answer, boolean replay) {
    }

    private final StockLevels stock;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    StockBatches(StockLevels stock, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.stock = stock;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Result apply(ToolAccounts.ToolPrincipal tool, StockBatch batch) {
        String hash = batch.contentHash();
        Optional<Stored> earlier = stored(tool.toolId(), batch.batchId());
        if (earlier.isPresent()) {
            if (!earlier.get().hash().equals(hash)) {
                throw DomainException.conflict("batchId", "Batch '" + batch.batchId()
                        + "' was applied before with other lines; send new lines under a new batch id.");
            }
            return new Result(read(earlier.get().answer()), true);
        }
        Instant now = clock.instant();
        Map<String, StockLevels.Stock> known = stock.resolve(tool.shopId(),
                batch.lines().stream().map(StockBatch.Line::code).toList());
        List<StockAnswer.Updated> updated = new ArrayList<>();
        List<StockAnswer.Skipped> skipped = new ArrayList<>();
        List<StockAnswer.Unknown> unknown = new ArrayList<>();
        List<StockAnswer.Rejected> rejected = new ArrayList<>();
        Map<Long, Integer> products = new HashMap<>();
        Map<Long, Integer> variants = new HashMap<>();
        for (StockBatch.Line line : batch.lines()) {
            StockLevels.Stock s = known.get(line.code());
            if (s == null) {
                unknown.add(new StockAnswer.Unknown(line.line(), line.code()));
            } else if (s.unlimited()) {
                skipped.add(new StockAnswer.Skipped(line.line(), line.code(), "UNLIMITED_STOCK"));
            } else if (s.kind() == StockLevels.Kind.PRODUCT_WITH_VARIANTS) {
                rejected.add(new StockAnswer.Rejected(line.line(), line.code(), line.fieldPrefix() + "code",
                        "VARIANT_STOCK_CODES: this product keeps its stock per variant stock code (在庫管理コード)"));
            } else {
                (s.kind() == StockLevels.Kind.VARIANT ? variants : products).put(s.id(), line.quantity());
                updated.add(new StockAnswer.Updated(line.line(), line.code(), line.quantity(), s.quantity()));
            }
        }
        stock.set(products, variants, now);
        StockAnswer answer = new StockAnswer(batch.batchId(), tool.kind().name(), now, updated, skipped, unknown, rejected);
        jdbc.sql("""
                INSERT INTO inventory_stock_batch (tool_id, batch_id, content_hash, line_count, received_at, answer)
                VALUES (:tool, :batch, :hash, :lines, :at, :answer)""")
                .param("tool", tool.toolId()).param("batch", batch.batchId()).param("hash", hash)
                .param("lines", batch.lines().size()).param("at", now.atOffset(ZoneOffset.UTC))
                .param("answer", write(answer)).update();
        return new Result(answer, false);
    }

    private record Stored(String hash, String answer) {
    }

    private Optional<Stored> stored(long toolId, String batchId) {
        return jdbc.sql("SELECT content_hash, answer FROM inventory_stock_batch WHERE tool_id = :tool AND batch_id = :batch")
                .param("tool", toolId).param("batch", batchId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
    }

    private String write(StockAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StockAnswer read(String answer) {
        try {
            return json.readValue(answer, StockAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stock answer unreadable", e);
        }
    }
}
